# Batch check of a sysmmu-sim wave pair (make sim-test, make wave without a
# display, tests/wave/wave-test): xvfb-run -a gtkwave -S tb/sim/check.tcl FILE.gtkw
# Prints what it found; "CHECK FAILED" marks a problem (the caller greps).
set facs [gtkwave::getNumFacs]
set traces [gtkwave::getTotalNumTraces]
set tmax [gtkwave::getMaxTime]
set marker [gtkwave::getMarker]
set wstart [gtkwave::getWindowStartTime]
set wend [gtkwave::getWindowEndTime]
puts "gtkw-check: facs=$facs traces=$traces max_time=$tmax marker=$marker window=$wstart:$wend"
if {$facs < 50} { puts "CHECK FAILED: only $facs signals in the dump" }
if {$traces < 40} { puts "CHECK FAILED: only $traces traces displayed from the save file" }
if {$tmax <= 0} { puts "CHECK FAILED: empty dump" }
if {$marker < $wstart || $marker > $wend} {
	puts "CHECK FAILED: marker $marker outside the first view $wstart:$wend"
}
# Testbench signals and translated traces: value at the marker, flags.
foreach name {TOP.tb.op_index[31:0] TOP.tb.rsp_op_index[31:0] TOP.tb.exp_pa[39:0]
	      TOP.tb.act_pa[39:0] TOP.tb.mismatch TOP.tb.errors[31:0] TOP.tb.exp_fault_kind[2:0]
	      TOP.tb.act_fault_kind[2:0] TOP.sysmmu.rsp_fault_kind_o[2:0]} {
	set v [gtkwave::getTraceValueAtMarkerFromName $name]
	set fl [gtkwave::getTraceFlagsFromName $name]
	puts "gtkw-trace: $name value=$v flags=$fl"
}
gtkwave::/File/Quit
