// SPDX-License-Identifier: GPL-3.0-or-later
// Labels (common/): label selectors parse as apimachinery's labels.Parse parses them (what it
// accepts, what it refuses and why), match as Requirement.Matches does, and print as
// Requirement.String does. Core's LabelSelector and the simulator's both rest on this.
#include <labels.h>

#include <QString>
#include <QStringList>
#include <QTest>

#include <map>
#include <string>

using namespace Orrery;
using Kind = Labels::ParseError::Kind;
using Op = Labels::Operator;

namespace {

using LabelMap = std::map<std::string, std::string>;

bool matches(const std::string &selector, const LabelMap &labels)
{
    const Labels::ParseResult parsed = Labels::parse(selector);
    if (!parsed.ok())
        qFatal("%s does not parse: %s", selector.c_str(), parsed.error->message.c_str());
    return Labels::matches(parsed.requirements,
                           [&labels](const std::string &key) -> std::optional<std::string_view> {
                               const auto it = labels.find(key);
                               if (it == labels.end())
                                   return std::nullopt;
                               return std::string_view(it->second);
                           });
}

} // namespace

Q_DECLARE_METATYPE(Labels::ParseError::Kind)

class tst_Labels : public QObject
{
    Q_OBJECT

private slots:
    void matching_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("matchesWeb");  // app=web, tier=front
        QTest::addColumn<bool>("matchesDb");   // app=db, tier=db, gpu=true
        QTest::addColumn<bool>("matchesNone"); // no labels

        QTest::newRow("empty") << "" << true << true << true;
        QTest::newRow("blank") << "  \t " << true << true << true;
        QTest::newRow("equals") << "app=web" << true << false << false;
        QTest::newRow("double equals") << "app==db" << false << true << false;
        QTest::newRow("not equals") << "tier!=db" << true << false << true;
        QTest::newRow("not equals missing key") << "zone!=eu" << true << true << true;
        QTest::newRow("and") << "app=web,tier!=db" << true << false << false;
        QTest::newRow("and with set") << "app in (api,web),!zone" << true << false << false;
        QTest::newRow("in") << "app in (web, db)" << true << true << false;
        QTest::newRow("in, no spaces") << "app in(web,db)" << true << true << false;
        QTest::newRow("notin") << "app notin (web)" << false << true << true;
        QTest::newRow("exists") << "gpu" << false << true << false;
        QTest::newRow("not exists") << "!gpu" << true << false << true;
        QTest::newRow("not exists, space") << "! gpu" << true << false << true;
        QTest::newRow("spaces") << " app = web , tier = front " << true << false << false;
        QTest::newRow("prefixed key") << "app.kubernetes.io/name=web" << false << false << false;
        QTest::newRow("empty value") << "app=" << false << false << false;
        QTest::newRow("empty set") << "app in ()" << false << false << false;
        QTest::newRow("notin empty set") << "app notin ()" << true << true << true;
        QTest::newRow("keyword as value") << "tier in (in,notin,front)" << true << false << false;
        QTest::newRow("apimachinery example")
            << "x in (foo,,baz),y,z notin ()" << false << false << false;
    }

    void matching()
    {
        QFETCH(QString, selector);
        QFETCH(bool, matchesWeb);
        QFETCH(bool, matchesDb);
        QFETCH(bool, matchesNone);
        const std::string s = selector.toStdString();
        QCOMPARE(matches(s, {{"app", "web"}, {"tier", "front"}}), matchesWeb);
        QCOMPARE(matches(s, {{"app", "db"}, {"tier", "db"}, {"gpu", "true"}}), matchesDb);
        QCOMPARE(matches(s, {}), matchesNone);
    }

    void requirements()
    {
        const Labels::ParseResult parsed = Labels::parse("z notin (b,a,b), x in (c,,a), !y, w==v");
        QVERIFY(parsed.ok());
        // Sorted by key; set values sorted without duplicates (Go's sets.String).
        const std::vector<Labels::Requirement> expected{
            {"w", Op::Equals, {"v"}},
            {"x", Op::In, {"", "a", "c"}},
            {"y", Op::DoesNotExist, {}},
            {"z", Op::NotIn, {"a", "b"}},
        };
        QVERIFY(parsed.requirements == expected);
        QCOMPARE(Labels::toString(parsed.requirements),
                 std::string("w=v,x in (,a,c),!y,z notin (a,b)"));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("token");
        QTest::newRow("unbalanced") << "app in (a,b" << Kind::MissingParen << "";
        QTest::newRow("unclosed") << "app in (" << Kind::MissingParen << "";
        QTest::newRow("close") << "app)" << Kind::UnexpectedParen << ")";
        QTest::newRow("open without operator") << "app (a)" << Kind::UnexpectedParen << "(";
        QTest::newRow("empty part") << "app=web,,tier=db" << Kind::EmptyRequirement << ",";
        QTest::newRow("trailing comma") << "app=web," << Kind::EmptyRequirement << "";
        QTest::newRow("leading comma") << ",app" << Kind::UnexpectedToken << ",";
        QTest::newRow("bad key") << "-app=web" << Kind::InvalidKey << "-app";
        QTest::newRow("bad key prefix")
            << "Example.com/app=web" << Kind::InvalidKey << "Example.com/app";
        QTest::newRow("two slashes") << "a/b/c" << Kind::InvalidKey << "a/b/c";
        QTest::newRow("key too long")
            << QString(64, QLatin1Char('k')) << Kind::InvalidKey << QString(64, QLatin1Char('k'));
        QTest::newRow("bad value") << "app=-web" << Kind::InvalidValue << "-web";
        QTest::newRow("value too long") << "app=" + QString(64, QLatin1Char('v'))
                                        << Kind::InvalidValue << QString(64, QLatin1Char('v'));
        QTest::newRow("bad set value") << "app in (a,b_)" << Kind::InvalidValue << "b_";
        QTest::newRow("space in value") << "app=we b" << Kind::UnexpectedToken << "b";
        QTest::newRow("no key") << "=web" << Kind::UnexpectedToken << "=";
        QTest::newRow("operator after not") << "!app=web" << Kind::UnexpectedToken << "=";
        QTest::newRow("unknown operator") << "app>3" << Kind::UnexpectedToken << ">";
        QTest::newRow("in without set") << "app in a" << Kind::UnexpectedToken << "a";
        QTest::newRow("two values") << "app=a=b" << Kind::UnexpectedToken << "=";
    }

    void invalid()
    {
        QFETCH(QString, selector);
        QFETCH(Kind, kind);
        QFETCH(QString, token);
        const Labels::ParseResult parsed = Labels::parse(selector.toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.requirements.empty());
        QCOMPARE(parsed.error->kind, kind);
        QCOMPARE(QString::fromStdString(parsed.error->token), token);
        QVERIFY(!parsed.error->message.empty());
    }

    void keysAndValues()
    {
        QVERIFY(Labels::isValidKey("app"));
        QVERIFY(Labels::isValidKey("A_b.c-9"));
        QVERIFY(Labels::isValidKey("app.kubernetes.io/name"));
        QVERIFY(Labels::isValidKey(std::string(63, 'k')));
        QVERIFY(Labels::isValidKey(std::string(253, 'p') + "/" + std::string(63, 'n')));
        QVERIFY(!Labels::isValidKey(""));
        QVERIFY(!Labels::isValidKey("/app"));
        QVERIFY(!Labels::isValidKey("example.com/"));
        QVERIFY(!Labels::isValidKey("app_"));
        QVERIFY(!Labels::isValidKey("-example.com/app"));
        QVERIFY(!Labels::isValidKey(std::string(254, 'p') + "/app"));
        QVERIFY(Labels::isValidValue(""));
        QVERIFY(Labels::isValidValue("v1.2_3-x"));
        QVERIFY(Labels::isValidValue(std::string(63, 'v')));
        QVERIFY(!Labels::isValidValue(std::string(64, 'v')));
        QVERIFY(!Labels::isValidValue("a/b"));
        QVERIFY(!Labels::isValidValue(".a"));
    }

    void rule()
    {
        // hasLabel, valueListed → Requirement.Matches.
        QVERIFY(Labels::satisfies(Op::Equals, true, true));
        QVERIFY(!Labels::satisfies(Op::Equals, true, false));
        QVERIFY(!Labels::satisfies(Op::Equals, false, false));
        QVERIFY(Labels::satisfies(Op::In, true, true));
        QVERIFY(!Labels::satisfies(Op::In, false, false));
        QVERIFY(!Labels::satisfies(Op::NotEquals, true, true));
        QVERIFY(Labels::satisfies(Op::NotEquals, true, false));
        QVERIFY(Labels::satisfies(Op::NotEquals, false, false));
        QVERIFY(!Labels::satisfies(Op::NotIn, true, true));
        QVERIFY(Labels::satisfies(Op::NotIn, false, false));
        QVERIFY(Labels::satisfies(Op::Exists, true, false));
        QVERIFY(!Labels::satisfies(Op::Exists, false, false));
        QVERIFY(Labels::satisfies(Op::DoesNotExist, false, false));
        QVERIFY(!Labels::satisfies(Op::DoesNotExist, true, false));
    }

    void operatorNames()
    {
        QCOMPARE(Labels::operatorFromName("In"), std::optional<Op>(Op::In));
        QCOMPARE(Labels::operatorFromName("NotIn"), std::optional<Op>(Op::NotIn));
        QCOMPARE(Labels::operatorFromName("Exists"), std::optional<Op>(Op::Exists));
        QCOMPARE(Labels::operatorFromName("DoesNotExist"), std::optional<Op>(Op::DoesNotExist));
        QVERIFY(!Labels::operatorFromName("in"));
        QVERIFY(!Labels::operatorFromName("Equals"));
        QVERIFY(!Labels::operatorFromName(""));
    }

    void printing()
    {
        QCOMPARE(Labels::toString({"app", Op::Equals, {"web"}}), std::string("app=web"));
        QCOMPARE(Labels::toString({"app", Op::NotEquals, {"web"}}), std::string("app!=web"));
        QCOMPARE(Labels::toString({"env", Op::In, {"a", "b"}}), std::string("env in (a,b)"));
        QCOMPARE(Labels::toString({"env", Op::NotIn, {"a"}}), std::string("env notin (a)"));
        QCOMPARE(Labels::toString({"gpu", Op::Exists, {}}), std::string("gpu"));
        QCOMPARE(Labels::toString({"gpu", Op::DoesNotExist, {}}), std::string("!gpu"));
        QCOMPARE(Labels::toString(std::vector<Labels::Requirement>{}), std::string());
    }
};

QTEST_GUILESS_MAIN(tst_Labels)
#include "tst_labels.moc"
