// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <helm/helmreleaselist.h>
#include <kube/manifestredaction.h>

#include <QHash>
#include <QMap>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Orrery {

class ClusterSession;
class SecretKeysModel;

// Helm releases of the active context, decoded from their storage Secrets (`helm list -A`),
// and for the selected release its history (`helm history`), the values and rendered
// manifest of a revision (`helm get values/manifest --revision`) and a diff of two revisions.
// The resource store never keeps Secret values, so the page fetches the release Secrets over
// the API when it is shown and when a release is selected; decoding runs off the GUI thread.
// Rolling back is only requested here (rollbackRequested); the operations UI confirms and runs
// it.
//
// Secret values never show: the Manifest tab and the manifest diff render every Secret of
// the release with its values hidden (ManifestRedaction, the shared rule), and a side panel
// lists the keys of those Secrets with a per-key reveal that reads the value from the
// revision already in memory and forgets it when another revision is shown.
class HelmPage : public QWidget
{
    Q_OBJECT
public:
    explicit HelmPage(QWidget *parent = nullptr);
    ~HelmPage() override;

    void setSession(ClusterSession *session);
    // Asks whether the user may roll `current`'s release back to `target` (permission first,
    // docs/operations.md); `done` gets an empty string when allowed, else the reason. Without
    // one the button is enabled for any earlier revision and the server decides.
    using RollbackCheck
        = std::function<void(const HelmRelease &current, const HelmRelease &target,
                             QObject *context, std::function<void(const QString &denial)> done)>;
    void setRollbackCheck(RollbackCheck check) { m_rollbackCheck = std::move(check); }
    // Fetches the release Secrets of every namespace again.
    void refresh();
    // The releases may have changed (an operation ran): refresh now if shown, else when shown.
    void invalidate();

    // For tests and screenshots.
    QTreeWidget *releaseList() const { return m_releases; }
    QTreeWidget *historyList() const { return m_history; }
    QPlainTextEdit *valuesView() const { return m_values; }
    QPlainTextEdit *manifestView() const { return m_manifest; }
    QPlainTextEdit *diffView() const { return m_diff; }
    // The keys of the Secrets in the shown manifest ("name: key"), values hidden until revealed.
    SecretKeysModel *secretKeys() const { return m_secretKeys; }
    QListView *secretKeyList() const { return m_secretList; }
    QPushButton *revealButton() const { return m_revealButton; }
    QComboBox *diffFrom() const { return m_diffFrom; }
    QComboBox *diffTo() const { return m_diffTo; }
    QComboBox *diffKind() const { return m_diffKind; }
    QPushButton *rollbackButton() const { return m_rollback; }
    // Why the rollback is not allowed (hidden when it is).
    QLabel *rollbackNote() const { return m_rollbackNote; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *statusLabel() const { return m_status; }
    bool selectRelease(const QString &ns, const QString &name);
    bool selectRevision(int revision);
    int fetches() const { return m_fetches; }
    // A manifest, diff or revealed value is still being worked out on a worker.
    bool isDecoding() const { return m_decoding > 0; }

signals:
    // "Roll back to revision…": the handler confirms (context, namespace, release, change)
    // and runs HelmRollbackOperation.
    void rollbackRequested(const QString &context, const QString &ns, const QString &release,
                           int revision);
    // A fetch finished and the lists show its result.
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    using ByNamespace = HelmReleaseList::ByNamespace;
    void fetch(const QString &path, const QString &onlyRelease);
    void fetchPage(const QString &path, const QString &onlyRelease, const QString &continueToken,
                   std::shared_ptr<HelmReleaseList> listing);
    void apply(ByNamespace releases, const QString &onlyRelease, const QStringList &errors);
    void showReleases();
    void onReleaseSelected();
    void showHistory();
    void onRevisionSelected();
    // The selected revision's manifest (m_revealSource), Secret values hidden, and its keys.
    void showManifest();
    void showDiff();
    void requestRollback();
    void revealSelectedKey();
    QList<HelmRelease> currentHistory() const;

    QPointer<ClusterSession> m_session;
    QString m_context;
    ByNamespace m_data;
    QHash<QString, HelmReleases> m_fresh; // "ns/name" → that release, re-read on selection
    QString m_selectedNs;
    QString m_selectedName;
    bool m_dirty = true;
    quint64 m_generation = 0;
    int m_fetches = 0;
    RollbackCheck m_rollbackCheck;
    quint64 m_checkGeneration = 0;
    quint64 m_manifestGeneration = 0; // the manifest shown, decoded on a worker
    quint64 m_diffGeneration = 0;     // the diff shown, computed on a worker
    int m_decoding = 0;               // runs on a worker whose result is still to come

    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_refresh;
    QTreeWidget *m_releases;
    QTreeWidget *m_history;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_values;
    QPlainTextEdit *m_manifest;
    QWidget *m_secretPanel;
    QListView *m_secretList;
    QPushButton *m_revealButton;
    SecretKeysModel *m_secretKeys;
    QString m_revealSource; // the unredacted manifest the panel's keys come from
    QList<ManifestRedaction::SecretKey> m_revealKeys; // row by row, as in m_secretKeys
    QComboBox *m_diffFrom;
    QComboBox *m_diffTo;
    QComboBox *m_diffKind;
    QPlainTextEdit *m_diff;
    QPushButton *m_rollback;
    QLabel *m_rollbackNote;
};

} // namespace Orrery
