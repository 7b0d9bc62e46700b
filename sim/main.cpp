// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>

int main()
{
    std::fputs("orrery-sim: not implemented yet\n", stderr);
    return 2;
}
