// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>

namespace Orrery::Limits {

// Every size limit Orrery applies to input it does not control (API servers, Helm release
// Secrets written by other tools, pasted manifests, container logs), in one place. Without a
// bound, one hostile or broken input can take the process's memory or freeze the GUI thread
// for minutes; with one, it fails with an Error that names the limit (Error::Code::TooLarge),
// and only the request, release, document or line concerned fails. docs/RELIABILITY.md
// ("Limits") lists each one with what happens when it is exceeded; keep the two in step.
//
// The values are far above anything a working cluster sends: they exist to stop runaway
// input, not to trim legitimate data.

inline constexpr qint64 KiB = 1024;
inline constexpr qint64 MiB = 1024 * KiB;

// A response body collected in memory (everything but streams), after content decoding, so a
// gzip-encoded response cannot inflate past it either. A list page of 500 objects is a few
// MiB; etcd stores objects of at most 1.5 MiB by default.
inline constexpr qint64 maxResponseBodyBytes = 256 * MiB;

// One line of a watch stream (one event, i.e. one object). Beyond it the informer drops the
// watch and relists, which reads the object through a paginated list instead.
inline constexpr qint64 maxWatchLineBytes = 16 * MiB;

// One line of a container log. A longer line is cut there and ends with a visible marker;
// the rest of it, up to the next newline, is dropped. (Container runtimes split lines at
// 16 KiB; the kubelet joins them again.)
inline constexpr qint64 maxLogLineBytes = 64 * KiB;

// Nesting of arrays and objects (JSON) or of collections (YAML). Kubernetes objects nest a
// few dozen levels (CRD schemas about 30); every recursive walk over a document (rendering,
// diffing, scrubbing) must not exhaust the stack on a hostile one. Also stops YAML anchors
// that refer to themselves.
inline constexpr int maxNestingDepth = 256;

// Nodes of one YAML document after alias expansion: every use of an alias counts the whole
// anchored subtree again, so "billion laughs" (a few hundred bytes that expand to 10^9 nodes)
// stops here instead of allocating gigabytes on the GUI thread.
inline constexpr qint64 maxYamlNodes = 1000000;

// Bytes of scalar text of one YAML document after alias expansion (an alias to one long
// string repeated thousands of times is the other way to blow a small file up).
inline constexpr qint64 maxYamlExpandedBytes = 64 * MiB;

// Output of one decompression (a Helm release is base64(gzip(JSON)), and its Secret is at
// most 1 MiB, so a real release decompresses to a few MiB). Exceeding it fails that release
// only; the others of the list still show.
inline constexpr qint64 maxDecompressedBytes = 64 * MiB;

// Deltas waiting in a ResourceStore's inbox (the GUI thread is busy or frozen while the
// informers keep receiving events). Beyond it the inbox is compacted to the last delta per
// object, as client-go's DeltaFIFO keeps one entry per key: memory then follows the cluster's
// size, not the event rate times the length of the stall.
inline constexpr int maxStoreInboxBacklog = 100000;

// Items of one metrics.k8s.io list (PodMetricsList, NodeMetricsList) and containers of one
// PodMetrics. A cluster of 150,000 pods (Kubernetes' scalability limit) fits; beyond, the
// list is cut there and says so, rather than holding a runaway answer.
inline constexpr int maxMetricsItems = 200000;
inline constexpr int maxMetricsContainers = 1000;

// Metrics history (core/monitoring/metricshistory.h): samples kept per object (one hour at
// metrics-server's 15 s resolution) and objects tracked at once (the least recently sampled
// one is dropped beyond). A sample is 16 bytes, so samples take at most
// 20,000 × 240 × 16 B ≈ 73 MiB; 10,000 pods over 30 minutes take 10,000 × 120 × 16 B ≈ 18 MiB.
// docs/monitoring.md ("History") states it.
inline constexpr int maxMetricsSamplesPerObject = 240;
inline constexpr int maxMetricsHistoryObjects = 20000;

// Helm release Secrets per list request of the Helm page (limit/continue pages). A release
// Secret holds up to 1 MiB, so one page stays far below maxResponseBodyBytes.
inline constexpr int helmListPageSize = 100;

// "16 MiB", "64 KiB", "1000000 bytes": the limit as error messages name it.
inline QString byteSize(qint64 bytes)
{
    if (bytes >= MiB && bytes % MiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / MiB);
    if (bytes >= KiB && bytes % KiB == 0)
        return QStringLiteral("%1 KiB").arg(bytes / KiB);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace Orrery::Limits
