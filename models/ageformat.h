// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The age format moved to core (the kind table's columns use it). This header keeps
// `#include <ageformat.h>` working for ui/operations/, which another change is moving into
// core; include <util/ageformat.h> in new code and delete this file once nothing includes it.
#include <util/ageformat.h>
