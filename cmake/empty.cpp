// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps a static library valid while its folder has no sources of its own yet.
