/* SPDX-License-Identifier: Apache-2.0 */
/*
 * --version of every sysmmu-verif program. The version comes from the
 * file VERSION and the git revision from the build (mk/version.mk), so a
 * result can be tied to the tree that produced it.
 */
#ifndef SYSMMU_TB_VERSION_H
#define SYSMMU_TB_VERSION_H

#ifdef __cplusplus
extern "C" {
#endif

extern const char sysmmu_version[];   /* "0.3.0" */
extern const char sysmmu_git_rev[];   /* "b4e26dd3a1c2", "-dirty" appended, or "unknown" */

/*
 * When argv holds --version (before any "--"), prints
 * "PROG (sysmmu-verif) VERSION (git REV)" on stdout and exits 0; PROG NULL:
 * the base name of argv[0] (one main, several binaries). Call first thing
 * in main, so --version works whatever else is on the command line.
 */
void sysmmu_version_opt(int argc, char **argv, const char *prog);

#ifdef __cplusplus
}
#endif

#endif /* SYSMMU_TB_VERSION_H */
