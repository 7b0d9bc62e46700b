// SPDX-License-Identifier: GPL-3.0-or-later
// CloudTreeModel over a CloudAccounts registry of scripted accounts: accounts -> groups ->
// resources, error rows in the error's words, "token expires in N min", one account's
// discovery replacing only its own rows; and the registry's own rules (one id once, one
// refreshFinished per refresh, answers of dropped accounts ignored).
#include <cloud/cloudaccounts.h>
#include <cloudtreemodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Orrery;

namespace {

// Answers with what the test set, later (queued) so the registry sees real asynchrony.
class ScriptedAccount final : public CloudAccount
{
public:
    ScriptedAccount(QString id, Result<CloudIdentity> identity, Result<CloudDiscovery> discovery)
        : m_discovery(std::move(discovery))
        , m_id(std::move(id))
        , m_identity(std::move(identity))
    {
    }
    QString provider() const override { return QStringLiteral("test"); }
    QString id() const override { return m_id; }
    QString displayName() const override { return QStringLiteral("Test ") + m_id; }
    void identify(std::function<void(const Result<CloudIdentity> &)> onDone) override
    {
        ++identifyCalls;
        QTimer::singleShot(0, this, [this, onDone] { onDone(m_identity); });
    }
    void discover(std::function<void(const Result<CloudDiscovery> &)> onDone) override
    {
        QTimer::singleShot(0, this, [this, onDone] { onDone(m_discovery); });
    }
    Result<CloudKubeconfigEntry> kubeconfigEntry(const CloudResource &) const override
    {
        return Error(Error::Code::Unsupported, QStringLiteral("no"));
    }
    void connectCluster(const CloudResource &,
                        std::function<void(const Result<ClusterConnection> &)> onDone) override
    {
        onDone(Error(Error::Code::Unsupported, QStringLiteral("no")));
    }

    int identifyCalls = 0;
    Result<CloudDiscovery> m_discovery;

private:
    QString m_id;
    Result<CloudIdentity> m_identity;
};

CloudResource cluster(const QString &account, const QString &group, const QString &name)
{
    CloudResource r;
    r.provider = QStringLiteral("test");
    r.accountId = account;
    r.group = group;
    r.location = group;
    r.name = name;
    r.ref = account + QLatin1Char('/') + group + QLatin1Char('/') + name;
    r.version = QStringLiteral("1.30");
    r.status = QStringLiteral("ACTIVE");
    return r;
}

} // namespace

class tst_CloudTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void treeWithErrorRows();
    void expiryText_data();
    void expiryText();
    void registryRules();
};

void tst_CloudTreeModel::treeWithErrorRows()
{
    const QDateTime now
        = QDateTime::fromString(QStringLiteral("2026-12-07T10:00:00Z"), Qt::ISODate);
    CloudAccounts accounts;
    CloudIdentity who{QStringLiteral("arn:aws:sts::1:assumed-role/admin/alice"),
                      QStringLiteral("profile prod (~/.aws/config)"), now.addSecs(4 * 60)};
    CloudDiscovery found;
    found.resources
        = {cluster(QStringLiteral("a"), QStringLiteral("us-east-1"), QStringLiteral("web")),
           cluster(QStringLiteral("a"), QStringLiteral("eu-west-3"), QStringLiteral("zeta")),
           cluster(QStringLiteral("a"), QStringLiteral("eu-west-3"), QStringLiteral("alpha"))};
    Error denied(Error::Code::Forbidden, QStringLiteral("User is not authorized to perform "
                                                        "eks:ListClusters"));
    denied.hint = QStringLiteral("ask for eks:ListClusters");
    found.groupErrors.insert(QStringLiteral("ap-south-1"), denied);
    auto *a = new ScriptedAccount(QStringLiteral("a"), who, found);
    Error expired(Error::Code::AuthError, QStringLiteral("The SSO session expired."));
    expired.hint = QStringLiteral("run: aws sso login --profile b");
    auto *b = new ScriptedAccount(QStringLiteral("b"), expired, expired);
    QVERIFY(accounts.addAccount(std::unique_ptr<CloudAccount>(a)));
    QVERIFY(accounts.addAccount(std::unique_ptr<CloudAccount>(b)));

    CloudTreeModel model(&accounts);
    model.setRefreshInterval(0);
    model.setNow(now);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);

    QSignalSpy finished(&accounts, &CloudAccounts::refreshFinished);
    accounts.refresh();
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);

    const QModelIndex accountA = model.accountIndex(QStringLiteral("a"));
    QCOMPARE(model.data(accountA).toString(), QStringLiteral("Test a"));
    QCOMPARE(model.data(accountA.siblingAtColumn(CloudTreeModel::StatusColumn)).toString(),
             QStringLiteral("alice · token expires in 4 min"));
    QCOMPARE(model.data(accountA.siblingAtColumn(CloudTreeModel::LocationColumn)).toString(),
             QStringLiteral("profile prod (~/.aws/config)"));
    // Groups sorted by name; resources sorted by name; a failed group shows the error's words.
    QCOMPARE(model.rowCount(accountA), 3);
    QCOMPARE(model.index(0, 0, accountA).data().toString(), QStringLiteral("ap-south-1"));
    QCOMPARE(model.index(1, 0, accountA).data().toString(), QStringLiteral("eu-west-3"));
    QCOMPARE(model.index(2, 0, accountA).data().toString(), QStringLiteral("us-east-1"));
    const QModelIndex failed = model.index(0, 0, model.index(0, 0, accountA));
    QVERIFY(model.rowKind(failed) == CloudTreeModel::RowKind::Error);
    QCOMPARE(failed.data().toString(), denied.message);
    QVERIFY(failed.data(Qt::ToolTipRole).toString().contains(denied.hint));
    QVERIFY(failed.data(CloudTreeModel::FailedRole).toBool());
    const QModelIndex paris = model.index(1, 0, accountA);
    QCOMPARE(model.index(0, 0, paris).data().toString(), QStringLiteral("alpha"));
    QCOMPARE(model.index(1, 0, paris).data().toString(), QStringLiteral("zeta"));
    const QModelIndex zeta = model.index(1, CloudTreeModel::VersionColumn, paris);
    QCOMPARE(zeta.data().toString(), QStringLiteral("1.30"));
    QCOMPARE(model.resourceAt(zeta)->ref, QStringLiteral("a/eu-west-3/zeta"));
    QCOMPARE(model.resourceIndex(QStringLiteral("a/eu-west-3/zeta")), zeta.siblingAtColumn(0));
    QVERIFY(!model.resourceAt(failed));

    // An account that could not identify: one error row (the same words twice are one row).
    const QModelIndex accountB = model.accountIndex(QStringLiteral("b"));
    QVERIFY(accountB.data(CloudTreeModel::FailedRole).toBool());
    QCOMPARE(model.rowCount(accountB), 1);
    const QModelIndex why = model.index(0, 0, accountB);
    QVERIFY(model.rowKind(why) == CloudTreeModel::RowKind::Error);
    QCOMPARE(why.data().toString(), QStringLiteral("Credentials: The SSO session expired."));
    QVERIFY(why.data(Qt::ToolTipRole).toString().contains(QLatin1String("aws sso login")));

    // The clock moves: only the status text changes.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(now.addSecs(6 * 60));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.data(accountA.siblingAtColumn(CloudTreeModel::StatusColumn)).toString(),
             QStringLiteral("alice · token expired 2 min ago"));

    // A new discovery of a replaces a's rows only.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    CloudDiscovery fewer;
    fewer.resources
        = {cluster(QStringLiteral("a"), QStringLiteral("us-east-1"), QStringLiteral("web"))};
    a->m_discovery = fewer;
    accounts.refreshAccount(QStringLiteral("a"));
    QVERIFY(finished.wait());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(model.accountIndex(QStringLiteral("a"))), 1);
    QCOMPARE(model.rowCount(model.accountIndex(QStringLiteral("b"))), 1);
    for (const auto &args : removed)
        QCOMPARE(args.at(0).toModelIndex(), model.accountIndex(QStringLiteral("a")));
}

void tst_CloudTreeModel::expiryText_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0 << QString();
    QTest::newRow("4 min") << 4 * 60 << QStringLiteral("token expires in 4 min");
    QTest::newRow("rounded up") << 61 << QStringLiteral("token expires in 2 min");
    QTest::newRow("hours") << 3 * 3600 << QStringLiteral("token expires in 3 h");
    QTest::newRow("just expired") << -30 << QStringLiteral("token expired just now");
    QTest::newRow("expired") << -300 << QStringLiteral("token expired 5 min ago");
}

void tst_CloudTreeModel::expiryText()
{
    QFETCH(int, seconds);
    QFETCH(QString, text);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime at = seconds == 0 ? QDateTime() : now.addSecs(seconds);
    QCOMPARE(CloudTreeModel::expiryText(at, now), text);
}

void tst_CloudTreeModel::registryRules()
{
    CloudAccounts accounts;
    int built = 0;
    accounts.addFactory(QStringLiteral("test"), [&built](const CloudEnvironment &) {
        ++built;
        CloudAccounts::Accounts out;
        out.push_back(std::make_unique<ScriptedAccount>(QStringLiteral("x"), CloudIdentity{},
                                                        CloudDiscovery{}));
        // The same id again: dropped, the first wins.
        out.push_back(std::make_unique<ScriptedAccount>(QStringLiteral("x"), CloudIdentity{},
                                                        CloudDiscovery{}));
        out.push_back(std::make_unique<ScriptedAccount>(QStringLiteral("y"), CloudIdentity{},
                                                        CloudDiscovery{}));
        return out;
    });
    QCOMPARE(accounts.providers(), QStringList{QStringLiteral("test")});
    accounts.load(CloudEnvironment());
    QCOMPARE(built, 1);
    QCOMPARE(accounts.accounts().size(), 2);

    // Asked twice while refreshing: asked once.
    QSignalSpy finished(&accounts, &CloudAccounts::refreshFinished);
    accounts.refresh();
    accounts.refresh();
    auto *x = static_cast<ScriptedAccount *>(accounts.account(QStringLiteral("x")));
    QCOMPARE(x->identifyCalls, 1);
    QVERIFY(finished.wait());
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QVERIFY(accounts.state(QStringLiteral("y")).discovery.has_value());

    // Reloaded while refreshing: the old accounts' answers are dropped, the new ones counted.
    accounts.refresh();
    accounts.load(CloudEnvironment());
    QVERIFY(!accounts.state(QStringLiteral("x")).identity.has_value());
    QTest::qWait(50);
    QVERIFY(!accounts.state(QStringLiteral("x")).identity.has_value());

    // An empty registry finishes at once.
    CloudAccounts empty;
    QSignalSpy emptyFinished(&empty, &CloudAccounts::refreshFinished);
    empty.refresh();
    QCOMPARE(emptyFinished.count(), 1);
}

QTEST_MAIN(tst_CloudTreeModel)
#include "tst_cloudtreemodel.moc"
