#include "spellchecker.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// SpellChecker with the real Enchant and the hunspell-en-us dictionary (.ci/install-deps.sh test): which
// words are checked at all, what is misspelt and what is suggested instead.
class TestSpellChecker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void findsTheInstalledDictionary();
    void checks_data();
    void checks();
    void suggests_data();
    void suggests();
    void wordsToCheck_data();
    void wordsToCheck();
    void misspelledWordsSkipWhatIsNotProse();
    void mostlyCjk_data();
    void mostlyCjk();
    void languageName_data();
    void languageName();
    void preferredLanguage_data();
    void preferredLanguage();
    void personalDictionaryKeepsAWord();
    void unknownLanguageKeepsThePreviousOne();

private:
    QTemporaryDir m_config;
    std::unique_ptr<SpellChecker> m_checker;
};

void TestSpellChecker::initTestCase()
{
    QVERIFY(m_config.isValid());
    // The personal word list goes here, never into the user's own (before Enchant starts: it reads it once).
    qputenv("ENCHANT_CONFIG_DIR", QFile::encodeName(m_config.path()));
    m_checker = std::make_unique<SpellChecker>();
    QVERIFY2(m_checker->setLanguage(QStringLiteral("en_US")),
             qPrintable(m_checker->errorString() + QStringLiteral(" (install hunspell-en-us)")));
}

void TestSpellChecker::findsTheInstalledDictionary()
{
    const QStringList languages = m_checker->availableLanguages();
    QVERIFY2(languages.contains(QStringLiteral("en_US")), qPrintable(languages.join(u' ')));
    QCOMPARE(m_checker->language(), QStringLiteral("en_US"));
    QVERIFY(m_checker->hasDictionary());
}

void TestSpellChecker::checks_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("correct");
    QTest::newRow("correct") << QStringLiteral("world") << true;
    QTest::newRow("capitalised") << QStringLiteral("Hello") << true;
    QTest::newRow("apostrophe") << QStringLiteral("don't") << true;
    QTest::newRow("typographic apostrophe") << QStringLiteral("don’t") << true;
    QTest::newRow("misspelt") << QStringLiteral("wrold") << false;
    QTest::newRow("misspelt capitalised") << QStringLiteral("Helo") << false;
    QTest::newRow("common mistake") << QStringLiteral("recieve") << false;
}

void TestSpellChecker::checks()
{
    QFETCH(QString, word);
    QFETCH(bool, correct);
    QCOMPARE(m_checker->isCorrect(word), correct);
    QCOMPARE(m_checker->isCorrect(word), correct); // from the cache, the same
}

void TestSpellChecker::suggests_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");
    QTest::newRow("transposed") << QStringLiteral("wrold") << QStringLiteral("world");
    QTest::newRow("missing letter") << QStringLiteral("speling") << QStringLiteral("spelling");
    QTest::newRow("capitalised") << QStringLiteral("Wrold") << QStringLiteral("World");
    QTest::newRow("i before e") << QStringLiteral("recieve") << QStringLiteral("receive");
    QTest::newRow("typographic apostrophe") << QStringLiteral("dont’") << QStringLiteral("don’t");
}

void TestSpellChecker::suggests()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    const QStringList suggestions = m_checker->suggestions(word);
    QVERIFY2(suggestions.contains(expected), qPrintable(suggestions.join(QStringLiteral(", "))));
    QVERIFY(suggestions.size() <= 6);
    QCOMPARE(m_checker->suggestions(word, 2).size(), std::min<qsizetype>(2, suggestions.size()));
}

void TestSpellChecker::wordsToCheck_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("prose") << QStringLiteral("Helo wrold, how are you?")
                           << QStringList{u"Helo"_s, u"wrold"_s, u"how"_s, u"are"_s, u"you"_s};
    QTest::newRow("url") << QStringLiteral("See https://exampel.com/pathh?qury=1 now")
                         << QStringList{u"See"_s, u"now"_s};
    QTest::newRow("url in brackets") << QStringLiteral("(www.exampel.com/docz) ok") << QStringList{u"ok"_s};
    QTest::newRow("address") << QStringLiteral("Mail tset@exampel.com or <bob.smiht@example.org>.")
                             << QStringList{u"Mail"_s, u"or"_s};
    QTest::newRow("mailto") << QStringLiteral("mailto:alise@example.com") << QStringList{};
    QTest::newRow("host and file") << QStringLiteral("on mial.exampel.org in repotr.pdf")
                                   << QStringList{u"on"_s, u"in"_s};
    QTest::newRow("path") << QStringLiteral("/usr/shaer and ~/docz") << QStringList{u"and"_s};
    QTest::newRow("digits") << QStringLiteral("Ticket abc123 in v2 for 3rd")
                            << QStringList{u"Ticket"_s, u"in"_s, u"for"_s};
    QTest::newRow("acronyms") << QStringLiteral("SMTP and DKIM, I said")
                              << QStringList{u"and"_s, u"I"_s, u"said"_s};
    QTest::newRow("identifier") << QStringLiteral("set max_size now") << QStringList{u"set"_s, u"now"_s};
    QTest::newRow("apostrophes") << QStringLiteral("don't ‘quote’ the students' l’été")
                                 << QStringList{u"don't"_s, u"quote"_s, u"the"_s, u"students"_s, u"l’été"_s};
    QTest::newRow("hyphen") << QStringLiteral("e-mail well-knwon")
                            << QStringList{u"e"_s, u"mail"_s, u"well"_s, u"knwon"_s};
    QTest::newRow("chinese") << QStringLiteral("我们用Gmial发送") << QStringList{u"Gmial"_s};
    QTest::newRow("japanese") << QStringLiteral("メールを送ります") << QStringList{};
    QTest::newRow("korean") << QStringLiteral("메일 wrold") << QStringList{u"wrold"_s};
    QTest::newRow("signature separator") << QStringLiteral("-- ") << QStringList{};
}

void TestSpellChecker::wordsToCheck()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QStringList found;
    for (const SpellChecker::Word &word : SpellChecker::wordsToCheck(text))
        found << text.mid(word.start, word.length);
    QCOMPARE(found, words);
}

void TestSpellChecker::misspelledWordsSkipWhatIsNotProse()
{
    const QString text = QStringLiteral("Helo wrold: 这是中文 https://wrold.exampel.com wrold@exampel.com "
                                        "abc123 SMTPP the end");
    const QList<SpellChecker::Word> misspelled = m_checker->misspelledWords(text);
    QCOMPARE(misspelled, (QList<SpellChecker::Word>{{0, 4}, {5, 5}}));
}

void TestSpellChecker::mostlyCjk_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("mostlyCjk");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("english") << QStringLiteral("Hello world") << false;
    QTest::newRow("chinese") << QStringLiteral("今天天气很好，我们去公园吧。") << true;
    QTest::newRow("japanese") << QStringLiteral("メールを送ります") << true;
    QTest::newRow("korean") << QStringLiteral("메일을 보냅니다") << true;
    // 4 of 17 letters (24 %) and 4 of 11 (36 %).
    QTest::newRow("some chinese") << QStringLiteral("你好世界 and hello world") << false;
    QTest::newRow("a third chinese") << QStringLiteral("你好世界 hi there") << true;
    QTest::newRow("long vowel mark") << QStringLiteral("メール ab") << true;
    QTest::newRow("rare han") << QStringLiteral("𠀀𠀁 ab") << true;
    QTest::newRow("digits do not count") << QStringLiteral("发送 12345678") << true;
}

void TestSpellChecker::mostlyCjk()
{
    QFETCH(QString, text);
    QFETCH(bool, mostlyCjk);
    QCOMPARE(SpellChecker::isMostlyCjk(text), mostlyCjk);
}

void TestSpellChecker::languageName_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("name");
    QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("English (United States)");
    QTest::newRow("en_GB") << QStringLiteral("en_GB") << QStringLiteral("English (United Kingdom)");
    QTest::newRow("de_DE") << QStringLiteral("de_DE") << QStringLiteral("German (Germany)");
    QTest::newRow("language only") << QStringLiteral("fr") << QStringLiteral("French");
    QTest::newRow("variant") << QStringLiteral("de_DE_frami")
                             << QStringLiteral("German (Germany) [de_DE_frami]");
    QTest::newRow("unknown") << QStringLiteral("xx_YY") << QStringLiteral("xx_YY");
}

void TestSpellChecker::languageName()
{
    QFETCH(QString, tag);
    QFETCH(QString, name);
    QCOMPARE(SpellChecker::languageName(tag), name);
}

void TestSpellChecker::preferredLanguage_data()
{
    QTest::addColumn<QStringList>("available");
    QTest::addColumn<QString>("remembered");
    QTest::addColumn<QString>("interface");
    QTest::addColumn<QString>("expected");
    const QStringList several{u"de_DE"_s, u"en_GB"_s, u"en_US"_s, u"fr_FR"_s};
    QTest::newRow("remembered") << several << QStringLiteral("fr_FR") << QStringLiteral("de_DE")
                                << QStringLiteral("fr_FR");
    QTest::newRow("remembered but gone")
        << several << QStringLiteral("nl_NL") << QStringLiteral("de_DE") << QStringLiteral("de_DE");
    QTest::newRow("interface") << several << QString() << QStringLiteral("en_GB") << QStringLiteral("en_GB");
    QTest::newRow("interface language")
        << several << QString() << QStringLiteral("de_AT") << QStringLiteral("de_DE");
    QTest::newRow("chinese interface")
        << several << QString() << QStringLiteral("zh_CN") << QStringLiteral("en_US");
    QTest::newRow("C locale") << several << QString() << QStringLiteral("C") << QStringLiteral("en_US");
    QTest::newRow("no english") << QStringList{u"nl_NL"_s, u"pt_BR"_s} << QString() << QStringLiteral("zh_CN")
                                << QStringLiteral("nl_NL");
    QTest::newRow("none installed") << QStringList{} << QStringLiteral("en_US") << QStringLiteral("en_US")
                                    << QString();
}

void TestSpellChecker::preferredLanguage()
{
    QFETCH(QStringList, available);
    QFETCH(QString, remembered);
    QFETCH(QString, interface);
    QFETCH(QString, expected);
    QCOMPARE(SpellChecker::preferredLanguage(available, remembered, QLocale(interface)), expected);
}

void TestSpellChecker::personalDictionaryKeepsAWord()
{
    const QString word = QStringLiteral("Sendscopey");
    SpellChecker otherWindow;
    QVERIFY(otherWindow.setLanguage(QStringLiteral("en_US")));
    QVERIFY(!otherWindow.isCorrect(word));
    QVERIFY(!m_checker->isCorrect(word));
    QVERIFY(m_checker->addToPersonalDictionary(word));
    QVERIFY(m_checker->isCorrect(word));
    // Enchant notices that another program changed the list by its time, in whole seconds: rather than
    // wait for the next one, the test moves the time on.
    QFile written(m_config.filePath(QStringLiteral("en_US.dic")));
    QVERIFY(written.open(QIODevice::ReadWrite));
    QVERIFY(written.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
    written.close();
    QVERIFY(otherWindow.isCorrect(word)); // it did not keep its first answer
    // Kept on disk: another checker (the next start) knows it too.
    SpellChecker next;
    QVERIFY(next.setLanguage(QStringLiteral("en_US")));
    QVERIFY(next.isCorrect(word));
    QFile list(m_config.filePath(QStringLiteral("en_US.dic")));
    QVERIFY2(list.open(QIODevice::ReadOnly), qPrintable(list.fileName()));
    QVERIFY(list.readAll().contains(word.toUtf8()));
}

void TestSpellChecker::unknownLanguageKeepsThePreviousOne()
{
    SpellChecker checker;
    QVERIFY(checker.isCorrect(QStringLiteral("wrold"))); // no dictionary yet: nothing is wrong
    QVERIFY(checker.misspelledWords(QStringLiteral("Helo wrold")).isEmpty());
    QVERIFY(!checker.setLanguage(QStringLiteral("xx_YY")));
    QVERIFY(!checker.hasDictionary());
    QVERIFY(!checker.errorString().isEmpty());
    QVERIFY(checker.setLanguage(QStringLiteral("en_US")));
    QVERIFY(!checker.setLanguage(QStringLiteral("xx_YY")));
    QCOMPARE(checker.language(), QStringLiteral("en_US"));
    QVERIFY(!checker.isCorrect(QStringLiteral("wrold")));
}

QTEST_GUILESS_MAIN(TestSpellChecker)
#include "testspellchecker.moc"
