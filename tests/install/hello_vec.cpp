// SPDX-License-Identifier: Apache-2.0
//
// A C++ bench of a user's own against the installed vector library (built
// by tests/install/install-test with `pkg-config --cflags --libs
// sysmmu-vec` only): a generated vector run on the model through vexec,
// then a hand-written one whose expectation must fail.
#include <cstdio>
#include <memory>

#include <sysmmu/model.h>
#include <sysmmu/vec.h>

namespace {

unsigned run(const vec &v)
{
	sysmmu_config cfg = { v.variant, v.tlb_entries, v.flpd_entries, v.id_width };
	vexec_hooks hooks = {};
	vmem *mem = vmem_create();
	sysmmu *model = sysmmu_create(&cfg, vmem_read_cb, mem);
	vexec *x = vexec_create(&v, model, mem, &hooks);

	for (size_t i = 0; i < v.n_ops; i++)
		vexec_step(x, i);
	unsigned fails = vexec_failures(x);
	vexec_destroy(x);
	sysmmu_destroy(model);
	vmem_destroy(mem);
	return fails;
}

const char wrong[] =
	"sysmmu-vec 1\nvariant 5\ntlb_entries 32\nflpd_entries 8\nid_width 16\n"
	"wr MMU_CTRL 0x00000000\n"
	"xlate r 0x00001000 => pa=0x000002000 miss\n";   // bypass gives pa 0x1000

} // namespace

int main()
{
	gen_opts g = {};
	vec v, w;
	char err[256];

	g.seed = 7;
	g.ops = 300;
	g.profile = "stress";
	g.variant = SYSMMU_V5;
	g.tlb_entries = 32;
	g.flpd_entries = 8;
	vec_init(&v);
	vec_init(&w);
	if (sysmmu_gen(&g, &v, err, sizeof(err)) || vec_parse_string("wrong", wrong, &w, err, sizeof(err))) {
		std::fprintf(stderr, "hello_vec: %s\n", err);
		return 2;
	}
	unsigned a = run(v), b = run(w);
	std::printf("generated: %zu ops, %u failures; wrong: %u failure(s)\n", v.n_ops, a, b);
	vec_free(&v);
	vec_free(&w);
	return a == 0 && b == 1 ? 0 : 1;
}
