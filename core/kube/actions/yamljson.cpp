// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamljson.h"

#include "util/decodeguard.h"
#include "util/jsonread.h"
#include "util/limits.h"
#include "util/utf8.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>

namespace Orrery {

namespace {

// go-yaml v2 resolve table (the YAML 1.1 subset Kubernetes tools accept).
std::optional<nlohmann::json> resolvePlain(const std::string &s)
{
    static const QRegularExpression intRe(QStringLiteral("^[-+]?(0|[1-9][0-9_]*)$"));
    static const QRegularExpression hexRe(QStringLiteral("^[-+]?0x[0-9a-fA-F_]+$"));
    static const QRegularExpression octRe(QStringLiteral("^[-+]?0[0-7_]+$"));
    static const QRegularExpression floatRe(QStringLiteral(
        "^[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"));

    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return nlohmann::json(nullptr);
    static const char *trues[]
        = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
    static const char *falses[]
        = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
    for (const char *t : trues)
        if (s == t)
            return nlohmann::json(true);
    for (const char *f : falses)
        if (s == f)
            return nlohmann::json(false);
    const QString q = QString::fromStdString(s);
    QString digits = q;
    digits.remove(QLatin1Char('_'));
    bool ok = false;
    if (intRe.match(q).hasMatch()) {
        const qlonglong v = digits.toLongLong(&ok, 10);
        if (ok)
            return nlohmann::json(v);
    }
    if (hexRe.match(q).hasMatch()) {
        const bool neg = digits.startsWith(QLatin1Char('-'));
        QString body = digits;
        if (body.startsWith(QLatin1Char('-')) || body.startsWith(QLatin1Char('+')))
            body.remove(0, 1);
        const qlonglong v = body.mid(2).toLongLong(&ok, 16);
        if (ok)
            return nlohmann::json(neg ? -v : v);
    }
    if (octRe.match(q).hasMatch()) {
        const qlonglong v = digits.toLongLong(&ok, 8);
        if (ok)
            return nlohmann::json(v);
    }
    if (floatRe.match(q).hasMatch()) {
        const double v = digits.toDouble(&ok);
        if (ok)
            return nlohmann::json(v);
    }
    if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf")
        return nlohmann::json(std::numeric_limits<double>::infinity());
    if (s == "-.inf" || s == "-.Inf" || s == "-.INF")
        return nlohmann::json(-std::numeric_limits<double>::infinity());
    return std::nullopt;
}

// YAML -> JSON within the budgets of util/limits.h. yaml-cpp keeps an alias as a second
// reference to the anchored node, so loading "billion laughs" is cheap; the expansion happens
// here, where every use of an alias is walked (and counted) again. The budget is per stream:
// aliases cannot cross documents, but many small documents could each expand to the limit.
class BoundedConverter
{
public:
    // Thrown out of the recursion only; parse() and parseDocuments() turn it into an Error.
    struct Exceeded
    {
        QString message;
        YAML::Mark mark;
    };

    nlohmann::json toJson(const YAML::Node &node, int depth = 0)
    {
        if (++m_nodes > Limits::maxYamlNodes)
            throw Exceeded{tr("the YAML expands to more than %1 nodes (each use of an alias counts "
                              "its anchored content again)")
                               .arg(Limits::maxYamlNodes),
                           node.Mark()};
        if (depth > Limits::maxNestingDepth)
            throw Exceeded{tr("the YAML nests deeper than %1 levels (or an alias refers to itself)")
                               .arg(Limits::maxNestingDepth),
                           node.Mark()};
        switch (node.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return nullptr;
        case YAML::NodeType::Scalar: {
            const std::string &tag = node.Tag();
            const std::string &value = node.Scalar();
            countBytes(value.size(), node);
            if (tag == "!" || tag == "tag:yaml.org,2002:str")
                return value;
            if (tag == "?" || tag.empty()) {
                if (auto resolved = resolvePlain(value))
                    return *resolved;
            }
            return value;
        }
        case YAML::NodeType::Sequence: {
            nlohmann::json array = nlohmann::json::array();
            for (const auto &item : node)
                array.push_back(toJson(item, depth + 1));
            return array;
        }
        case YAML::NodeType::Map: {
            nlohmann::json object = nlohmann::json::object();
            for (const auto &item : node) {
                // JSON keys are strings: a YAML key like `80:` becomes "80".
                const std::string &key = item.first.Scalar();
                countBytes(key.size(), item.first);
                object[key] = toJson(item.second, depth + 1);
            }
            return object;
        }
        }
        return nullptr;
    }

private:
    static QString tr(const char *text)
    {
        return QCoreApplication::translate("Orrery::YamlJson", text);
    }

    void countBytes(std::size_t bytes, const YAML::Node &node)
    {
        m_bytes += qint64(bytes);
        if (m_bytes > Limits::maxYamlExpandedBytes)
            throw Exceeded{
                tr("the YAML expands to more than %1 of text (each use of an alias counts "
                   "its anchored content again)")
                    .arg(Limits::byteSize(Limits::maxYamlExpandedBytes)),
                node.Mark()};
    }

    qint64 m_nodes = 0;
    qint64 m_bytes = 0;
};

Error tooLarge(const BoundedConverter::Exceeded &e, const QString &fileName)
{
    Error error(Error::Code::TooLarge, e.message);
    error.file = fileName;
    if (!e.mark.is_null())
        error.line = e.mark.line + 1;
    return error;
}

Error parseError(const YAML::Exception &e, const QString &fileName)
{
    Error error(Error::Code::ParseError,
                QCoreApplication::translate("Orrery::YamlJson", "Invalid YAML: %1")
                    .arg(QString::fromStdString(e.msg)));
    error.file = fileName;
    if (!e.mark.is_null())
        error.line = e.mark.line + 1;
    return error;
}

// yaml-cpp passes bytes through unchecked, and a string that is not UTF-8 would make every
// later serialisation of the object fail. Refuse it here, where the file and line are known.
std::optional<Error> notUtf8(const QByteArray &yaml, const QString &fileName)
{
    const std::optional<qsizetype> bad = Utf8::firstInvalidByte(yaml);
    if (!bad)
        return std::nullopt;
    Error error(
        Error::Code::ParseError,
        QCoreApplication::translate("Orrery::YamlJson", "Not valid UTF-8: byte 0x%1 at column %2.")
            .arg(uint(uchar(yaml.at(*bad))), 2, 16, QLatin1Char('0'))
            .arg(Utf8::columnAt(yaml, *bad)));
    error.file = fileName;
    error.line = Utf8::lineAt(yaml, *bad);
    error.hint = QCoreApplication::translate("Orrery::YamlJson", "save it as UTF-8");
    return error;
}

void emitNode(YAML::Emitter &out, const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::object:
        if (value.empty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (auto it = value.begin(); it != value.end(); ++it) {
            out << YAML::Key;
            if (resolvePlain(it.key()))
                out << YAML::DoubleQuoted << it.key();
            else
                out << it.key();
            out << YAML::Value;
            emitNode(out, it.value());
        }
        out << YAML::EndMap;
        break;
    case nlohmann::json::value_t::array:
        if (value.empty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const auto &item : value)
            emitNode(out, item);
        out << YAML::EndSeq;
        break;
    case nlohmann::json::value_t::string: {
        const std::string &s = value.get_ref<const std::string &>();
        if (s.find('\n') != std::string::npos)
            out << YAML::Literal << s;
        else if (resolvePlain(s))
            out << YAML::DoubleQuoted << s;
        else
            out << s;
        break;
    }
    case nlohmann::json::value_t::boolean: out << (value.get<bool>() ? "true" : "false"); break;
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded: out << YAML::Null; break;
    default:
        out << JsonRead::dump(value); // numbers: JSON's spelling is valid YAML
        break;
    }
}

} // namespace

namespace {

// One document's text and where it starts in the stream.
struct DocumentText
{
    std::string text;
    int firstLine = 0; // 0-based line of the stream where `text` starts
};

// A line that separates documents the way kubectl's YAML reader sees one: "---" at the start
// of the line, followed by nothing but blanks or a comment.
bool isSeparator(std::string_view line)
{
    if (line.substr(0, 3) != "---")
        return false;
    const auto rest = line.substr(3);
    const auto first = rest.find_first_not_of(" \t\r");
    return first == std::string_view::npos || rest[first] == '#';
}

bool isBlank(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        const size_t end = std::min(text.find('\n', i), text.size());
        const auto line = text.substr(i, end - i);
        const auto first = line.find_first_not_of(" \t\r");
        if (first != std::string_view::npos && line[first] != '#')
            return false;
        i = end + 1;
    }
    return true;
}

// Splits a stream at its separator lines. We do not use YAML::LoadAll: yaml-cpp 0.7's loop
// never ends on some malformed input (`{"a":1},` yields empty documents until memory runs
// out, jbeder/yaml-cpp#1040; found by tests/fuzz). Splitting first is also what kubectl does.
std::vector<DocumentText> splitDocuments(const std::string &yaml)
{
    std::vector<DocumentText> out(1);
    int line = 0;
    size_t i = 0;
    while (i < yaml.size()) {
        const size_t end = std::min(yaml.find('\n', i), yaml.size());
        const std::string_view text(yaml.data() + i, end - i);
        if (isSeparator(text)) {
            out.push_back(DocumentText{{}, line + 1});
        } else {
            out.back().text.append(text);
            out.back().text.push_back('\n');
        }
        i = end + 1;
        ++line;
    }
    // Text before a leading separator is no document (only blanks or comments can be there).
    if (out.size() > 1 && isBlank(out.front().text))
        out.erase(out.begin());
    return out;
}

// Counts documents without building them, stopping at two.
class DocumentCounter : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  const std::string &) override
    {
    }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {
    }
    void OnMapEnd() override {}
};

// Whether `text` (one separated document) holds more than one document: trailing junk such as
// `{"a":1},`, or a second document after "...". Bounded: at most two parser calls.
bool hasSecondDocument(const std::string &text)
{
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentCounter counter;
    int documents = 0;
    while (documents < 2 && parser.HandleNextDocument(counter))
        ++documents;
    return documents > 1;
}

} // namespace

Result<QList<YamlDocument>> YamlJson::parseDocuments(const QByteArray &yaml,
                                                     const QString &fileName)
{
    DecodeGuard::noteDecode("YamlJson::parseDocuments");
    if (auto error = notUtf8(yaml, fileName))
        return *error;
    QList<YamlDocument> docs;
    BoundedConverter converter; // one budget for the whole stream
    int index = 0;
    for (const DocumentText &part : splitDocuments(yaml.toStdString())) {
        try {
            const YAML::Node node = YAML::Load(part.text);
            if (hasSecondDocument(part.text)) {
                Error error(Error::Code::ParseError,
                            QCoreApplication::translate(
                                "Orrery::YamlJson",
                                "Invalid YAML: unexpected content after the document "
                                "(separate documents with a line \"---\")"));
                error.file = fileName;
                error.line = part.firstLine + 1;
                return error;
            }
            YamlDocument doc;
            doc.index = index++;
            doc.line = part.firstLine + (node.Mark().is_null() ? 0 : node.Mark().line) + 1;
            doc.value = converter.toJson(node);
            if (doc.value.is_null())
                continue;
            docs.append(std::move(doc));
        } catch (const YAML::Exception &e) {
            Error error = parseError(e, fileName);
            if (error.line > 0)
                error.line += part.firstLine;
            return error;
        } catch (const BoundedConverter::Exceeded &e) {
            Error error = tooLarge(e, fileName);
            if (error.line > 0)
                error.line += part.firstLine;
            return error;
        }
    }
    return docs;
}

Result<nlohmann::json> YamlJson::parse(const QByteArray &yaml, const QString &fileName)
{
    DecodeGuard::noteDecode("YamlJson::parse");
    if (auto error = notUtf8(yaml, fileName))
        return *error;
    try {
        return fromNode(YAML::Load(yaml.toStdString()), fileName);
    } catch (const YAML::Exception &e) {
        return parseError(e, fileName);
    }
}

Result<nlohmann::json> YamlJson::fromNode(const YAML::Node &node, const QString &fileName)
{
    try {
        return BoundedConverter().toJson(node);
    } catch (const YAML::Exception &e) {
        return parseError(e, fileName);
    } catch (const BoundedConverter::Exceeded &e) {
        return tooLarge(e, fileName);
    }
}

QString YamlJson::toYaml(const nlohmann::json &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    emitNode(out, value);
    QString text = QString::fromUtf8(out.c_str());
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

} // namespace Orrery
