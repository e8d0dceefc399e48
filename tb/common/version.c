// SPDX-License-Identifier: Apache-2.0
/* --version (tb/common/version.h); the strings come from the build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "version.h"

#ifndef SYSMMU_VERSION
#error "SYSMMU_VERSION comes from mk/version.mk"
#endif

const char sysmmu_version[] = SYSMMU_VERSION;
const char sysmmu_git_rev[] = SYSMMU_GIT_REV;

void sysmmu_version_opt(int argc, char **argv, const char *prog)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return;
		if (strcmp(argv[i], "--version"))
			continue;
		if (!prog) {
			prog = strrchr(argv[0], '/');
			prog = prog ? prog + 1 : argv[0];
		}
		printf("%s (sysmmu-verif) %s (git %s)\n", prog, sysmmu_version, sysmmu_git_rev);
		exit(0);
	}
}
