// SPDX-License-Identifier: GPL-3.0-or-later
// AWS IAM Identity Center (SSO) profiles as core/cloud reads them (docs/clouds.md, "SSO
// profiles"): sso_session and legacy profiles of ~/.aws/config, the cache file's name
// (botocore's SSOTokenLoader: sha1 of the session name or the start URL) and contents,
// GetRoleCredentials' answer and errors; hostile input (missing fields, bad JSON, oversize,
// control characters) and that no error ever holds a token or a key.
#include "cloud/awsconfig.h"
#include "cloud/awssso.h"
#include "kube/apirequest.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

namespace {

const QByteArray s_config = "[profile dev]\n"
                            "sso_session = dev-sso\n"
                            "sso_account_id = 111122223333\n"
                            "sso_role_name = ReadOnly\n"
                            "region = eu-west-3\n"
                            "[sso-session dev-sso]\n"
                            "sso_start_url = https://d-92671207e4.awsapps.com/start\n"
                            "sso_region = us-east-1\n"
                            "sso_registration_scopes = sso:account:access\n"
                            "[profile legacy]\n"
                            "sso_start_url = https://d-92671207e4.awsapps.com/start\n"
                            "sso_region = us-east-1\n"
                            "sso_account_id = 111122223333\n"
                            "sso_role_name = Admin\n"
                            "[profile chained]\n"
                            "role_arn = arn:aws:iam::111122223333:role/deploy\n"
                            "source_profile = dev\n"
                            "[profile nosession]\n"
                            "sso_session = missing\n"
                            "sso_account_id = 1\n"
                            "sso_role_name = R\n"
                            "[profile conflict]\n"
                            "sso_session = dev-sso\n"
                            "sso_region = eu-west-1\n"
                            "sso_account_id = 1\n"
                            "sso_role_name = R\n"
                            "[profile tokenonly]\n"
                            "sso_session = dev-sso\n";

const QByteArray s_secretToken = "aoaSECRETaccessTOKENvalue0123456789";

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

} // namespace

class tst_AwsSso : public QObject
{
    Q_OBJECT

private slots:
    void sessionProfile();
    void legacyProfile();
    void ssoAtTheRootOfARoleChain();
    void configErrors();
    void cacheKeyIsBotocores();
    void cachedTokenFormats();
    void cachedTokenHostile_data();
    void cachedTokenHostile();
    void readCachedToken();
    void roleCredentials();
    void roleCredentialsHostile_data();
    void roleCredentialsHostile();
    void portalErrors();
};

void tst_AwsSso::sessionProfile()
{
    const AwsConfig config = AwsConfig::fromTexts({}, s_config);
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), QStringLiteral("/home/alice"));
    const auto plan = config.plan(env, QStringLiteral("dev"));
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
    const AwsSso::Profile &sso = plan.value().sso;
    QVERIFY(sso.isValid());
    QCOMPARE(sso.profile, QStringLiteral("dev"));
    QCOMPARE(sso.session, QStringLiteral("dev-sso"));
    QCOMPARE(sso.startUrl, QStringLiteral("https://d-92671207e4.awsapps.com/start"));
    QCOMPARE(sso.region, QStringLiteral("us-east-1"));
    QCOMPARE(sso.accountId, QStringLiteral("111122223333"));
    QCOMPARE(sso.roleName, QStringLiteral("ReadOnly"));
    QCOMPARE(sso.cacheFile, QStringLiteral("/home/alice/.aws/sso/cache/"
                                           "541bfa501b568681b27389461c29c505f3607716.json"));
    // The profile's region is the one for the services; sso_region only for the portal.
    QCOMPARE(plan.value().region, QStringLiteral("eu-west-3"));
    QVERIFY(plan.value().roleArns.isEmpty());
    QVERIFY(!plan.value().base.isValid());
    QCOMPARE(config.ssoSession(QStringLiteral("dev-sso")).value(QStringLiteral("sso_region")),
             QStringLiteral("us-east-1"));
}

void tst_AwsSso::legacyProfile()
{
    const AwsConfig config = AwsConfig::fromTexts({}, s_config);
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), QStringLiteral("/h"));
    const auto plan = config.plan(env, QStringLiteral("legacy"));
    QVERIFY(plan);
    QVERIFY(plan.value().sso.session.isEmpty());
    QCOMPARE(plan.value().sso.roleName, QStringLiteral("Admin"));
    QCOMPARE(plan.value().sso.cacheFile,
             QStringLiteral("/h/.aws/sso/cache/13f9d35043871d073ab260e020f0ffde092cb14b.json"));
}

void tst_AwsSso::ssoAtTheRootOfARoleChain()
{
    const AwsConfig config = AwsConfig::fromTexts({}, s_config);
    const auto plan = config.plan({}, QStringLiteral("chained"));
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
    QCOMPARE(plan.value().sso.profile, QStringLiteral("dev"));
    QCOMPARE(plan.value().roleArns, QStringList({"arn:aws:iam::111122223333:role/deploy"}));
}

void tst_AwsSso::configErrors()
{
    const AwsConfig config = AwsConfig::fromTexts({}, s_config);
    const Error missing = config.plan({}, QStringLiteral("nosession")).error();
    QCOMPARE(missing.code, Error::Code::NotFound);
    QVERIFY2(missing.message.contains(QLatin1String("[sso-session missing]")),
             qPrintable(missing.message));
    QVERIFY(missing.hint.contains(QLatin1String("aws configure sso --profile nosession")));
    QVERIFY(missing.context.contains(QLatin1String("nosession")));
    const Error conflict = config.plan({}, QStringLiteral("conflict")).error();
    QCOMPARE(conflict.code, Error::Code::InvalidArgument);
    QVERIFY2(conflict.message.contains(QLatin1String("sso_region differs")),
             qPrintable(conflict.message));
    // A session used only for tokens (no account or role) gives no credentials.
    const Error tokenOnly = config.plan({}, QStringLiteral("tokenonly")).error();
    QCOMPARE(tokenOnly.code, Error::Code::InvalidArgument);
    QVERIFY2(tokenOnly.message.contains(QLatin1String("misses sso_account_id, sso_role_name")),
             qPrintable(tokenOnly.message));
}

void tst_AwsSso::cacheKeyIsBotocores()
{
    // hashlib.sha1(b"dev-sso").hexdigest(), and of the start URL for a legacy profile.
    AwsSso::Profile p;
    p.startUrl = QStringLiteral("https://d-92671207e4.awsapps.com/start");
    QCOMPARE(AwsSso::cacheKey(p), QStringLiteral("13f9d35043871d073ab260e020f0ffde092cb14b"));
    p.session = QStringLiteral("dev-sso");
    QCOMPARE(AwsSso::cacheKey(p), QStringLiteral("541bfa501b568681b27389461c29c505f3607716"));
}

void tst_AwsSso::cachedTokenFormats()
{
    // The CLI v2's file (with the registration it keeps for refreshing).
    auto t = AwsSso::parseCachedToken(
        R"({"startUrl": "https://d-92671207e4.awsapps.com/start", "region": "us-east-1",)"
        R"( "accessToken": "aoaTOKEN", "expiresAt": "2030-01-02T03:04:05Z",)"
        R"( "clientId": "c", "clientSecret": "s", "refreshToken": "r",)"
        R"( "registrationExpiresAt": "2030-03-01T00:00:00Z"})");
    QVERIFY2(t, qPrintable(t ? QString() : t.error().toString()));
    QCOMPARE(t.value().accessToken, QByteArray("aoaTOKEN"));
    QCOMPARE(t.value().expiresAt, QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(t.value().region, QStringLiteral("us-east-1"));
    // The CLI v1's "UTC" suffix, an offset, fractions of a second.
    t = AwsSso::parseCachedToken(R"({"accessToken": "a", "expiresAt": "2030-01-02T03:04:05UTC"})");
    QCOMPARE(t.value().expiresAt, QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC));
    t = AwsSso::parseCachedToken(
        R"({"accessToken": "a", "expiresAt": "2030-01-02T05:04:05.250+02:00"})");
    QCOMPARE(t.value().expiresAt, QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 250), Qt::UTC));
}

void tst_AwsSso::cachedTokenHostile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");
    const int parse = int(Error::Code::ParseError);
    QTest::newRow("empty") << QByteArray() << parse;
    QTest::newRow("not json") << QByteArray("accessToken=" + s_secretToken) << parse;
    QTest::newRow("truncated") << QByteArray(R"({"accessToken": ")" + s_secretToken) << parse;
    QTest::newRow("array") << QByteArray("[1,2]") << parse;
    QTest::newRow("no token") << QByteArray(R"({"expiresAt": "2030-01-01T00:00:00Z"})") << parse;
    QTest::newRow("token not a string")
        << QByteArray(R"({"accessToken": 12, "expiresAt": "2030-01-01T00:00:00Z"})") << parse;
    QTest::newRow("no expiry") << QByteArray(R"({"accessToken": ")" + s_secretToken + R"("})")
                               << parse;
    QTest::newRow("bad expiry") << QByteArray(R"({"accessToken": ")" + s_secretToken
                                              + R"(", "expiresAt": "soon"})")
                                << parse;
    QTest::newRow("expiry a number")
        << QByteArray(R"({"accessToken": ")" + s_secretToken + R"(", "expiresAt": 1893456000})")
        << parse;
    QTest::newRow("header injection")
        << QByteArray(R"({"accessToken": "a\r\nX-Evil: 1", "expiresAt": "2030-01-01T00:00:00Z"})")
        << parse;
    QTest::newRow("huge token") << QByteArray(R"({"accessToken": ")"
                                              + QByteArray(AwsSso::MaxAccessTokenBytes + 1, 'a')
                                              + R"(", "expiresAt": "2030-01-01T00:00:00Z"})")
                                << int(Error::Code::TooLarge);
    QTest::newRow("huge file") << QByteArray(AwsSso::MaxCacheFileBytes + 1, ' ')
                               << int(Error::Code::TooLarge);
    QTest::newRow("deep nesting") << QByteArray(60000, '[') << parse;
}

void tst_AwsSso::cachedTokenHostile()
{
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    const auto t = AwsSso::parseCachedToken(json);
    QVERIFY(!t);
    QCOMPARE(int(t.error().code), code);
    QVERIFY(!t.error().toString().contains(QString::fromLatin1(s_secretToken)));
}

void tst_AwsSso::readCachedToken()
{
    QTemporaryDir home;
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    const AwsConfig config = AwsConfig::fromTexts({}, s_config);
    const AwsSso::Profile sso = config.plan(env, QStringLiteral("dev")).value().sso;
    const QDateTime now(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC);
    // No file: log in.
    auto t = AwsSso::readCachedToken(sso, now);
    QCOMPARE(t.error().code, Error::Code::AuthError);
    QCOMPARE(t.error().hint, QStringLiteral("run: aws sso login --profile dev"));
    QVERIFY2(t.error().message.contains(QLatin1String("SSO session \"dev-sso\"")),
             qPrintable(t.error().message));
    // Expired: log in again, and when it expired.
    writeFile(sso.cacheFile, R"({"accessToken": ")" + s_secretToken
                                 + R"(", "expiresAt": "2030-01-01T11:59:59Z"})");
    t = AwsSso::readCachedToken(sso, now);
    QCOMPARE(t.error().code, Error::Code::AuthError);
    QCOMPARE(t.error().toString(),
             QStringLiteral("AWS profile \"dev\": The AWS SSO login for the SSO session "
                            "\"dev-sso\" expired at 2030-01-01T11:59:59Z. (run: aws sso login "
                            "--profile dev)"));
    // Valid.
    writeFile(sso.cacheFile, R"({"accessToken": ")" + s_secretToken
                                 + R"(", "expiresAt": "2030-01-01T20:00:00Z"})");
    t = AwsSso::readCachedToken(sso, now);
    QVERIFY(t);
    QCOMPARE(t.value().accessToken, s_secretToken);
    // Broken: what is wrong, and to log in again; never the file's contents.
    writeFile(sso.cacheFile, "{\"accessToken\": \"" + s_secretToken + "\"");
    t = AwsSso::readCachedToken(sso, now);
    QCOMPARE(t.error().code, Error::Code::ParseError);
    QCOMPARE(t.error().hint, QStringLiteral("run: aws sso login --profile dev"));
    QVERIFY(!t.error().toString().contains(QString::fromLatin1(s_secretToken)));
}

void tst_AwsSso::roleCredentials()
{
    const auto c = AwsSso::parseRoleCredentials(
        R"({"roleCredentials": {"accessKeyId": "ASIAEXAMPLE", "secretAccessKey": "sek",)"
        R"( "sessionToken": "tok", "expiration": 1893459600000}})");
    QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
    QCOMPARE(c.value().accessKeyId, QStringLiteral("ASIAEXAMPLE"));
    QCOMPARE(c.value().secretAccessKey, QStringLiteral("sek"));
    QCOMPARE(c.value().sessionToken, QStringLiteral("tok"));
    QCOMPARE(c.value().expiration, QDateTime(QDate(2030, 1, 1), QTime(1, 0), Qt::UTC));
    QCOMPARE(AwsSso::roleCredentialsPath(QStringLiteral("Read Only"), QStringLiteral("1&2")),
             QStringLiteral("/federation/credentials?role_name=Read%20Only&account_id=1%262"));
    QCOMPARE(AwsSso::defaultPortal(QStringLiteral("eu-west-1")),
             QStringLiteral("https://portal.sso.eu-west-1.amazonaws.com"));
}

void tst_AwsSso::roleCredentialsHostile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("<html>sekret-key</html>");
    QTest::newRow("no roleCredentials") << QByteArray(R"({"accessKeyId": "ASIA"})");
    QTest::newRow("no secret") << QByteArray(
        R"({"roleCredentials": {"accessKeyId": "ASIA", "sessionToken": "t", "expiration": 1893459600000}})");
    QTest::newRow("no session token") << QByteArray(
        R"({"roleCredentials": {"accessKeyId": "ASIA", "secretAccessKey": "sekret-key", "expiration": 1893459600000}})");
    QTest::newRow("no expiration") << QByteArray(
        R"({"roleCredentials": {"accessKeyId": "ASIA", "secretAccessKey": "sekret-key", "sessionToken": "t"}})");
    QTest::newRow("expiration in seconds") << QByteArray(
        R"({"roleCredentials": {"accessKeyId": "ASIA", "secretAccessKey": "sekret-key", "sessionToken": "t", "expiration": 1893459600}})");
    QTest::newRow("expiration a string") << QByteArray(
        R"({"roleCredentials": {"accessKeyId": "ASIA", "secretAccessKey": "sekret-key", "sessionToken": "t", "expiration": "2030"}})");
    QTest::newRow("huge") << QByteArray(AwsSso::MaxPortalAnswerBytes + 1, ' ');
}

void tst_AwsSso::roleCredentialsHostile()
{
    QFETCH(QByteArray, json);
    const auto c = AwsSso::parseRoleCredentials(json);
    QVERIFY(!c);
    QVERIFY(!c.error().toString().contains(QLatin1String("sekret-key")));
}

void tst_AwsSso::portalErrors()
{
    const AwsConfig config = AwsConfig::fromTexts({}, s_config);
    const AwsSso::Profile sso = config.plan({}, QStringLiteral("dev")).value().sso;
    ApiResponse r;
    r.status = 401;
    r.headers = {{"x-amzn-errortype", "UnauthorizedException:http://internal.amazon.com/"}};
    r.body = R"({"message":"Session token not found or invalid"})";
    Error e = AwsSso::portalError(r, sso);
    QCOMPARE(e.code, Error::Code::AuthError);
    QCOMPARE(
        e.toString(),
        QStringLiteral("AWS profile \"dev\": The AWS SSO login for the SSO session \"dev-sso\" "
                       "is no longer valid (UnauthorizedException: Session token not found "
                       "or invalid). (run: aws sso login --profile dev)"));
    r.status = 403;
    r.headers = {{"x-amzn-errortype", "ForbiddenException"}};
    r.body = R"({"message":"No access"})";
    e = AwsSso::portalError(r, sso);
    QCOMPARE(e.code, Error::Code::Forbidden);
    QCOMPARE(e.message, QStringLiteral("The SSO user may not use role ReadOnly in account "
                                       "111122223333 (ForbiddenException: No access)."));
    QVERIFY(e.hint.contains(QLatin1String("sso_role_name")));
    r.status = 429;
    r.headers = {{"x-amzn-errortype", "TooManyRequestsException"}};
    r.body = "not json";
    e = AwsSso::portalError(r, sso);
    QCOMPARE(e.code, Error::Code::TooManyRequests);
    QVERIFY2(e.message.contains(QLatin1String("TooManyRequestsException")), qPrintable(e.message));
}

QTEST_GUILESS_MAIN(tst_AwsSso)
#include "tst_awssso.moc"
