// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cloud/apptopology.h>
#include <pipelines/imagelink.h>
#include <util/result.h>

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QGraphicsView;
class QLabel;
class QMenu;
class QPushButton;

namespace Orrery {

class AppTopologyScene;
class PipelineImageLinker;

// One action the app page offers on a box or a release chip: the provider's operation id
// ("fly-machine-restart"), its menu label, and what it is about.
struct AppAction
{
    QString id;
    QString label;
    QString nodeId;  // AppNode::id it was offered on (empty for a release chip)
    QString release; // the release it concerns (deploy a previous release)
    bool enabled = true;
};

// The "App topology" page: a PaaS app (a Fly.io app, a Railway environment) as a live diagram
// (AppTopologyScene), whatever the provider. The owner gives it a loader (the account's
// appTopology()) and the actions its provider offers per box; a right click shows them in a
// menu, and choosing one emits actionTriggered() for the owner to run as an operation (the
// normal confirmation, audit and report). The header names the app and says when it was read
// or why it could not be; Refresh reads it again, Export writes PNG or SVG.
class AppTopologyPage : public QWidget
{
    Q_OBJECT
public:
    // While a machine or deployment is in motion the page reads the app again this often.
    static constexpr int SettleRefreshMs = 2000;

    using Loader = std::function<void(std::function<void(const Result<AppTopology> &)>)>;
    using ActionsFor = std::function<QList<AppAction>(const AppTopology &, const AppNode *node,
                                                      const AppRelease *release)>;

    explicit AppTopologyPage(QWidget *parent = nullptr);
    ~AppTopologyPage() override;

    // Shows `title` ("acme-edge · Fly.io") and reads the app through `loader` at once.
    void setApp(const QString &title, Loader loader, ActionsFor actions);
    // Reads the app again (after an operation, on Refresh).
    void refresh();

    AppTopologyScene *scene() const { return m_scene; }
    QGraphicsView *view() const { return m_view; }
    QLabel *statusLabel() const { return m_status; }
    // The menu a right click on `id` opens (null when nothing is offered); public for tests.
    QMenu *menuFor(const QString &id, bool isRelease, QWidget *parent);

    // Pipeline → image → PaaS box: every read of the app is given to `linker`
    // (PipelineImageLinker::setAppTopology); a box whose image a known run built shows
    // "deployed by run #…" (or "rolling out from run #…" while its machine or deployment comes
    // up), the same pill as the cluster topology's, and a click on it emits
    // pipelineRunRequested.
    void setPipelineLinker(PipelineImageLinker *linker);
    // The link of a shown box (AppNode::id); nullopt when it has none.
    std::optional<ImageLink> pipelineLink(const QString &nodeId) const
    {
        const auto it = m_pipelineLinks.constFind(nodeId);
        return it == m_pipelineLinks.constEnd() ? std::nullopt : std::optional<ImageLink>(*it);
    }

signals:
    void actionTriggered(const Orrery::AppAction &action);
    // A read finished (ok or not).
    void loaded(bool ok);
    // A click on a box's "deployed by run #…" pill.
    void pipelineRunRequested(Orrery::PipelineProvider provider, const QString &source,
                              const QString &runId);

private:
    void exportDiagram();
    void updatePipelineBadges();

    AppTopologyScene *m_scene;
    QGraphicsView *m_view;
    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_export;
    Loader m_loader;
    ActionsFor m_actions;
    quint64 m_generation = 0; // answers of older reads are dropped
    bool m_fitted = false;
    QPointer<PipelineImageLinker> m_pipelineLinker;
    QHash<QString, ImageLink> m_pipelineLinks; // node id → link, of the shown app
};

} // namespace Orrery
