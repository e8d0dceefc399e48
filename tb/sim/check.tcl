# Batch check of a sysmmu-sim wave pair (used by make sim-test and make wave
# without a display): xvfb-run -a gtkwave -S tb/sim/check.tcl FILE.gtkw
# Prints what it found; "CHECK FAILED" marks a problem (the caller greps).
set facs [gtkwave::getNumFacs]
set traces [gtkwave::getTotalNumTraces]
set tmax [gtkwave::getMaxTime]
set marker [gtkwave::getMarker]
puts "gtkw-check: facs=$facs traces=$traces max_time=$tmax marker=$marker"
if {$facs < 50} { puts "CHECK FAILED: only $facs signals in the dump" }
if {$traces < 40} { puts "CHECK FAILED: only $traces traces displayed from the save file" }
if {$tmax <= 0} { puts "CHECK FAILED: empty dump" }
gtkwave::/File/Quit
