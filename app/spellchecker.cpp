#include "spellchecker.h"

#include <QRegularExpression>

#include <enchant.h>

#include <algorithm>

namespace {

// Enchant's dictionaries know the typewriter apostrophe; a typographic one (don’t) is checked as that.
QByteArray forDictionary(const QString &word)
{
    QString plain = word;
    plain.replace(QChar(0x2019), u'\'');
    return plain.toUtf8();
}

// Surrogates are no part of a word: beyond the first plane are the rarer Han characters and emoji.
bool isWordCharacter(QChar c)
{
    return (c.isLetterOrNumber() || c.isMark() || c == u'_') && !SpellChecker::isCjk(c.unicode());
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

// A token that is a URL, an address, a host or file name: none of its words are prose.
bool isAddressLike(QStringView token)
{
    static const QRegularExpression pattern(QStringLiteral(R"(://|@|^www\.|^mailto:|^[/~\\]|\w[./\\]\w)"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(token).hasMatch();
}

bool isWorthChecking(QStringView word)
{
    bool hasLetter = false;
    bool hasLowerCase = false;
    for (const QChar c : word) {
        if (c.isDigit() || c == u'_')
            return false; // part numbers, codes, identifiers
        hasLetter = hasLetter || c.isLetter();
        hasLowerCase = hasLowerCase || c.isLower();
    }
    // Capitals only (SMTP, DKIM, SPF) are acronyms; a single capital (I, A) is checked.
    return hasLetter && (hasLowerCase || word.size() == 1);
}

} // namespace

void SpellChecker::BrokerDeleter::operator()(str_enchant_broker *broker) const
{
    enchant_broker_free(broker);
}

void SpellChecker::DictionaryDeleter::operator()(str_enchant_dict *dictionary) const
{
    enchant_broker_free_dict(broker, dictionary);
}

SpellChecker::SpellChecker()
    : m_broker(enchant_broker_init())
    , m_dictionary(nullptr, DictionaryDeleter{m_broker.get()})
{
}

SpellChecker::~SpellChecker() = default;

QStringList SpellChecker::availableLanguages() const
{
    QStringList tags;
    if (!m_broker)
        return tags;
    enchant_broker_list_dicts(
        m_broker.get(),
        [](const char *const tag, const char *const, const char *const, const char *const, void *found) {
            static_cast<QStringList *>(found)->append(QString::fromUtf8(tag));
        },
        &tags);
    tags.removeDuplicates();
    std::sort(tags.begin(), tags.end());
    return tags;
}

bool SpellChecker::setLanguage(const QString &tag)
{
    if (!m_broker) {
        m_error = tr("The spelling library could not start.");
        return false;
    }
    if (tag == m_language && m_dictionary)
        return true;
    str_enchant_dict *dictionary =
        tag.isEmpty() ? nullptr : enchant_broker_request_dict(m_broker.get(), tag.toUtf8().constData());
    if (!dictionary) {
        m_error = tag.isEmpty() ? tr("No spelling dictionary is installed.")
                                : tr("There is no spelling dictionary for %1.").arg(languageName(tag));
        return false;
    }
    m_dictionary.reset(dictionary);
    m_language = tag;
    m_error.clear();
    m_known.clear();
    return true;
}

bool SpellChecker::isCorrect(const QString &word) const
{
    if (!m_dictionary || word.isEmpty())
        return true;
    if (m_known.contains(word))
        return true;
    const QByteArray utf8 = forDictionary(word);
    // 0: correct, > 0: misspelt, < 0: the dictionary failed, which is not the writer's mistake.
    const bool correct = enchant_dict_check(m_dictionary.get(), utf8.constData(), utf8.size()) <= 0;
    // Only correct words are kept: a misspelt one is asked again, so that a word another window added to
    // the personal dictionary (Enchant rereads it when it changes) is accepted here too.
    if (correct) {
        if (m_known.size() > 20000) // a long session: keep the cache from growing without bound
            m_known.clear();
        m_known.insert(word);
    }
    return correct;
}

QStringList SpellChecker::suggestions(const QString &word, int maximum) const
{
    QStringList result;
    if (!m_dictionary || word.isEmpty())
        return result;
    const QByteArray utf8 = forDictionary(word);
    size_t count = 0;
    char **list = enchant_dict_suggest(m_dictionary.get(), utf8.constData(), utf8.size(), &count);
    const bool typographic = word.contains(QChar(0x2019));
    for (size_t i = 0; list && i < count && result.size() < maximum; ++i) {
        QString suggestion = QString::fromUtf8(list[i]);
        if (typographic)
            suggestion.replace(u'\'', QChar(0x2019));
        if (!result.contains(suggestion))
            result << suggestion;
    }
    if (list)
        enchant_dict_free_string_list(m_dictionary.get(), list);
    return result;
}

bool SpellChecker::addToPersonalDictionary(const QString &word)
{
    if (!m_dictionary || word.isEmpty())
        return false;
    const QByteArray utf8 = forDictionary(word);
    enchant_dict_add(m_dictionary.get(), utf8.constData(), utf8.size());
    m_known.insert(word);
    return enchant_dict_is_added(m_dictionary.get(), utf8.constData(), utf8.size()) != 0;
}

QList<SpellChecker::Word> SpellChecker::wordsToCheck(const QString &text)
{
    QList<Word> words;
    const qsizetype size = text.size();
    qsizetype tokenStart = 0;
    while (tokenStart < size) {
        // Tokens are separated by white space; surrounding brackets and quotes do not make them prose.
        while (tokenStart < size && text.at(tokenStart).isSpace())
            ++tokenStart;
        qsizetype tokenEnd = tokenStart;
        while (tokenEnd < size && !text.at(tokenEnd).isSpace())
            ++tokenEnd;
        QStringView token = QStringView(text).mid(tokenStart, tokenEnd - tokenStart);
        qsizetype lead = 0;
        while (lead < token.size() && !token.at(lead).isLetterOrNumber())
            ++lead;
        qsizetype trail = token.size();
        while (trail > lead && !token.at(trail - 1).isLetterOrNumber())
            --trail;
        if (!isAddressLike(token) && !isAddressLike(token.mid(lead, trail - lead))) {
            qsizetype i = tokenStart;
            while (i < tokenEnd) {
                if (!isWordCharacter(text.at(i))) {
                    ++i;
                    continue;
                }
                const qsizetype start = i;
                while (i < tokenEnd && (isWordCharacter(text.at(i)) ||
                                        // an apostrophe inside a word (don't, l'été), not a closing quote
                                        (isApostrophe(text.at(i)) && i + 1 < tokenEnd &&
                                         text.at(i + 1).isLetter() && !isCjk(text.at(i + 1).unicode()))))
                    ++i;
                const QStringView word = QStringView(text).mid(start, i - start);
                if (isWorthChecking(word))
                    words.append({start, i - start});
            }
        }
        tokenStart = tokenEnd;
    }
    return words;
}

QList<SpellChecker::Word> SpellChecker::misspelledWords(const QString &text) const
{
    QList<Word> misspelled;
    if (!m_dictionary)
        return misspelled;
    for (const Word &word : wordsToCheck(text)) {
        if (!isCorrect(text.mid(word.start, word.length)))
            misspelled.append(word);
    }
    return misspelled;
}

bool SpellChecker::isCjk(char32_t code)
{
    switch (QChar::script(code)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        // Shared by the scripts (the long vowel mark ー, the iteration marks, CJK punctuation), and the
        // half-width katakana.
        return (code >= 0x3000 && code <= 0x30ff) || (code >= 0xff61 && code <= 0xff9f);
    }
}

bool SpellChecker::isMostlyCjk(const QString &text)
{
    qsizetype letters = 0;
    qsizetype cjk = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t code = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (!QChar::isLetter(code))
            continue;
        ++letters;
        if (isCjk(code))
            ++cjk;
    }
    return letters > 0 && cjk * 10 > letters * 3;
}

QString SpellChecker::languageName(const QString &tag)
{
    static const QRegularExpression plainTag(QStringLiteral("^([a-z]{2,3})(?:[_-]([A-Z]{2}))?$"));
    const QRegularExpressionMatch parts = plainTag.match(tag);
    const QLocale locale(tag.section(u'-', 0, 0));
    if (locale.language() == QLocale::C)
        return tag;
    QString name = QLocale::languageToString(locale.language());
    if (!tag.section(u'_', 1, 1).isEmpty() && locale.territory() != QLocale::AnyTerritory)
        name += QStringLiteral(" (%1)").arg(QLocale::territoryToString(locale.territory()));
    if (!parts.hasMatch()) // a variant, such as de_DE_frami or en_GB-ize: the tag tells them apart
        name += QStringLiteral(" [%1]").arg(tag);
    return name;
}

QString SpellChecker::preferredLanguage(const QStringList &available, const QString &remembered,
                                        const QLocale &interfaceLocale)
{
    if (!remembered.isEmpty() && available.contains(remembered))
        return remembered;
    const QString full = interfaceLocale.name();
    const QString language = full.section(u'_', 0, 0);
    if (available.contains(full))
        return full;
    if (interfaceLocale.language() != QLocale::C) {
        if (available.contains(language))
            return language;
        for (const QString &tag : available) {
            if (tag.startsWith(language + u'_'))
                return tag;
        }
    }
    if (available.contains(QStringLiteral("en_US")))
        return QStringLiteral("en_US");
    return available.value(0);
}
