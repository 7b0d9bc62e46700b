// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps the throwing nlohmann idioms out of the application (docs/RELIABILITY.md, "Tolerant
// decoding"): outside JSON is parsed, read and serialised through core/util/jsonread.h only.
// The scan is line-based and deliberately narrow, so it never flags Qt code: each rule below
// names an idiom that only nlohmann has.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Rule
{
    QRegularExpression pattern;
    const char *instead;
};

const QList<Rule> &rules()
{
    static const QList<Rule> s_rules = {
        {QRegularExpression(QStringLiteral(R"x(json::parse\s*\()x")),
         "JsonRead::parse (never throws, bounds the nesting depth)"},
        {QRegularExpression(QStringLiteral(R"x((\.|->)dump\s*\()x")),
         "JsonRead::dump / dumpBytes (invalid UTF-8 becomes U+FFFD instead of throwing)"},
        {QRegularExpression(
             QStringLiteral(R"x((\.|->)value\s*\(\s*("|std::string|[A-Za-z_:]*json))x")),
         "JsonRead::string/integer/boolean/object/array (json::value throws when the stored type "
         "differs)"},
        {QRegularExpression(QStringLiteral(R"x(_json_pointer)x")),
         "a JsonRead path: {\"metadata\", \"name\"}"},
        {QRegularExpression(
             QStringLiteral(R"x((\.|->)at\s*\(\s*("|[A-Za-z_]+\.toStdString\(\)))x")),
         "JsonRead::find (json::at throws on a missing key)"},
        {QRegularExpression(QStringLiteral(R"x((\.|->)get(_ref)?\s*<)x")),
         "a type check first (is_string(), ...) or JsonRead::toString/toInteger (json::get "
         "throws)"},
    };
    return s_rules;
}

// get<T>() right after a type check (same line or the two before, or a `case value_t::`)
// cannot throw; the other rules have no such exception.
bool guardedGet(const QStringList &lines, int index)
{
    static const QRegularExpression guard(QStringLiteral(R"x(\bis_[a-z_]+\s*\(|value_t::)x"));
    for (int i = qMax(0, index - 2); i <= index; ++i) {
        if (guard.match(lines.at(i)).hasMatch())
            return true;
    }
    return false;
}

// The code part of a line: comments out.
QString code(const QString &line)
{
    // A comment line, or the continuation of a block comment ("* text", "*/"); not "*out = ...".
    static const QRegularExpression commentLine(QStringLiteral(R"x(^\s*(//|/\*|\*(\s|/|$)))x"));
    if (commentLine.match(line).hasMatch())
        return {};
    const qsizetype comment = line.indexOf(QLatin1String(" //"));
    return comment < 0 ? line : line.left(comment);
}

// "file:line: text (use ...)" for each offending line of `lines`.
QStringList offences(const QString &file, const QStringList &lines)
{
    QStringList out;
    for (int i = 0; i < lines.size(); ++i) {
        const QString text = code(lines.at(i));
        if (text.isEmpty())
            continue;
        for (const Rule &rule : rules()) {
            if (!rule.pattern.match(text).hasMatch())
                continue;
            if (rule.pattern.pattern().contains(QLatin1String("get(_ref)")) && guardedGet(lines, i))
                continue;
            out << QStringLiteral("%1:%2: %3 (use %4)")
                       .arg(file)
                       .arg(i + 1)
                       .arg(text.trimmed(), QLatin1String(rule.instead));
        }
    }
    return out;
}

} // namespace

class tst_JsonIdioms : public QObject
{
    Q_OBJECT

private slots:
    void rulesCatch_data();
    void rulesCatch();
    void sourcesAreClean();
};

// The rules themselves: each throwing idiom is caught, its tolerant replacement and Qt code
// that looks alike are not.
void tst_JsonIdioms::rulesCatch_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("value with default") << R"x(const int v = j.value("version", 0);)x" << true;
    QTest::newRow("value through ->") << R"x(if (obj->value("orrerySimulator", false)))x" << true;
    QTest::newRow("value with a json default")
        << R"x(x.value("spec", nlohmann::json::object()))x" << true;
    QTest::newRow("json pointer")
        << R"x(item.value("/metadata/namespace"_json_pointer, std::string()))x" << true;
    QTest::newRow("at") << R"x(data->at(key.toStdString()))x" << true;
    QTest::newRow("at literal") << R"x(j.at("kind"))x" << true;
    QTest::newRow("unguarded get")
        << R"x(const std::string s = j["path"].get<std::string>();)x" << true;
    QTest::newRow("get through ->")
        << R"x(*out = QString::fromStdString(it->get<std::string>());)x" << true;
    QTest::newRow("dump") << R"x(r.body = QByteArray::fromStdString(body.dump());)x" << true;
    QTest::newRow("parse") << R"x(auto j = nlohmann::json::parse(text, nullptr, false);)x" << true;
    QTest::newRow("guarded get") << R"x(return v.is_boolean() ? v.get<bool>() : fallback;)x"
                                 << false;
    QTest::newRow("std::get") << R"x(return std::get<0>(m_data);)x" << false;
    QTest::newRow("QSettings value")
        << R"x(m_settings->value(QLatin1String(kStateKey)).toByteArray();)x" << false;
    QTest::newRow("QList at") << R"x(const QString &name = m_names.at(index.row());)x" << false;
    QTest::newRow("Result value") << R"x(const Credential &c = credential->value();)x" << false;
    QTest::newRow("JsonRead")
        << R"x(const QString name = JsonRead::string(j, {"metadata", "name"});)x" << false;
    QTest::newRow("comment") << R"x(// j.value("x", 0) throws)x" << false;
    QTest::newRow("block comment") << R"x( * j.value("x", 0) throws)x" << false;
}

void tst_JsonIdioms::rulesCatch()
{
    QFETCH(QString, line);
    QFETCH(bool, flagged);
    QCOMPARE(!offences(QStringLiteral("sample.cpp"), {line}).isEmpty(), flagged);
}

void tst_JsonIdioms::sourcesAreClean()
{
    const QString root = QStringLiteral(ORRERY_TEST_DATA "/../..");
    QStringList found;
    int files = 0;
    for (const char *dir : {"core", "models", "ui", "app", "views"}) {
        QDirIterator it(root + QLatin1Char('/') + QLatin1String(dir),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = path.mid(root.size() + 1);
            // The layer itself wraps the throwing calls.
            if (relative.startsWith(QLatin1String("core/util/jsonread.")))
                continue;
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            found << offences(relative, QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')));
            ++files;
        }
    }
    QVERIFY2(files > 100,
             qPrintable(QStringLiteral("only %1 files under %2").arg(files).arg(root)));
    QVERIFY2(found.isEmpty(), qPrintable(QLatin1String("\n") + found.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(tst_JsonIdioms)
#include "tst_jsonidioms.moc"
