// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Orrery::DecodeGuard {

// "No JSON is decoded on the GUI thread" (HOUSE_STYLE, Threads), made checkable: every entry
// point that decodes outside input into JSON (JsonRead::parse, YamlJson::parse and
// parseDocuments) calls noteDecode(), which counts the calls made on the application's main
// thread, the thread of QCoreApplication::instance() (the GUI thread in the window). It is
// always compiled and costs a pointer compare per decode; it never changes what a decode does.
// Tests drive the window's paths and assert that the count stays 0 (tests/ui/*_sim); the CLI
// (--play, doctor) decodes on its main thread on purpose, and there it is only a count.

// `entryPoint` names the decoder ("JsonRead::parse"); a string literal (it is kept).
void noteDecode(const char *entryPoint);

// Decodes performed on the main thread since the process started.
quint64 mainThreadDecodes();
// The entry point of the last one (nullptr when none), for a test's failure message.
const char *lastMainThreadDecode();

} // namespace Orrery::DecodeGuard
