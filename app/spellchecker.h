#pragma once

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

struct str_enchant_broker;
struct str_enchant_dict;

// Spell checking with Enchant 2 (the library GNOME applications use), which finds the installed
// dictionaries (hunspell, aspell, ...) and keeps the personal word list. Not a widget: the compose window
// underlines with it (SpellHighlighter). Only the window links it; the command line never loads it.
class SpellChecker
{
    Q_DECLARE_TR_FUNCTIONS(SpellChecker)

public:
    // A word of a text, by position in UTF-16 units.
    struct Word
    {
        qsizetype start = 0;
        qsizetype length = 0;
        friend bool operator==(const Word &, const Word &) = default;
    };

    SpellChecker();
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    // Dictionary tags ("en_US", "de_DE"), sorted; empty when none is installed.
    QStringList availableLanguages() const;
    // Loads the dictionary for tag; false (and the previous one stays) when there is none.
    bool setLanguage(const QString &tag);
    QString language() const { return m_language; }
    bool hasDictionary() const { return m_dictionary != nullptr; }
    // Why there is no dictionary, for the user.
    QString errorString() const { return m_error; }

    // True for a correct word, and for any word while no dictionary is loaded.
    bool isCorrect(const QString &word) const;
    QStringList suggestions(const QString &word, int maximum = 6) const;
    // Into the personal dictionary of the language (Enchant keeps it in ~/.config/enchant/).
    bool addToPersonalDictionary(const QString &word);

    // The words of text worth checking: not in URLs, e-mail addresses, host or file names, not with
    // digits, not in capitals only (SMTP, DKIM), not Chinese, Japanese or Korean.
    static QList<Word> wordsToCheck(const QString &text);
    // The words of text that the dictionary does not know.
    QList<Word> misspelledWords(const QString &text) const;

    // More than 30 % of the letters are CJK: such a message is not checked at all, as dictionaries
    // cannot split it into words and the rest is mostly names and terms.
    static bool isMostlyCjk(const QString &text);
    // Han, kana, hangul, bopomofo and the marks and punctuation they share.
    static bool isCjk(char32_t code);

    // "English (United States)" for "en_US"; the tag itself when Qt does not know it.
    static QString languageName(const QString &tag);
    // The dictionary a message starts with: the account's remembered one, else the interface's
    // language, else American English, else the first installed; empty when none is installed.
    static QString preferredLanguage(const QStringList &available, const QString &remembered,
                                     const QLocale &interfaceLocale);

private:
    struct BrokerDeleter
    {
        void operator()(str_enchant_broker *broker) const;
    };
    struct DictionaryDeleter
    {
        str_enchant_broker *broker = nullptr;
        void operator()(str_enchant_dict *dictionary) const;
    };

    // Declared first: destroyed last, after the dictionary it hands out.
    std::unique_ptr<str_enchant_broker, BrokerDeleter> m_broker;
    std::unique_ptr<str_enchant_dict, DictionaryDeleter> m_dictionary;
    QString m_language;
    QString m_error;
    mutable QSet<QString> m_known; // correct words of the current dictionary
};
