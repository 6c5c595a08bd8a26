#include "addressparser.h"
#include "mimeoracle.h"
#include "mimewriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// Every message the writer produces is parsed by Python's standard email package (tests/mimeoracle.py),
// and what a reader would see must equal what was composed, exactly, with no parser defects.
class TestMimeWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void smtpUtf8AddressesAreRawUtf8();
    void idnDomainBecomesALabels();
    void bccNeverWritten();
    void headersAndReadReceipt();
    void priorityAndReadReceiptHeaders_data();
    void priorityAndReadReceiptHeaders();
    void refusesBadInput_data();
    void refusesBadInput();
    void attachmentChangedAfterComposeFailsRead();
    void textAttachmentNamesItsCharset_data();
    void textAttachmentNamesItsCharset();

private:
    QJsonObject oracle(const QByteArray &message);
    QString makeFile(const QString &name, qint64 size, quint32 seed);
    static QList<MailAddress> addresses(const QString &text);
    static void checkWireFormat(const QByteArray &message);

    QTemporaryDir m_dir;
    int m_counter = 0;
};

void TestMimeWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"), QStringLiteral("import email.policy")});
    QVERIFY(python.waitForFinished(20000));
    QCOMPARE(python.exitCode(), 0);
}

QList<MailAddress> TestMimeWriter::addresses(const QString &text)
{
    if (text.isEmpty())
        return {};
    AddressParser::Error error;
    const QList<MailAddress> list = AddressParser::parseList(text, &error);
    if (error.code != AddressParser::ErrorCode::None)
        qWarning("%s", qPrintable(error.message));
    return list;
}

QString TestMimeWriter::makeFile(const QString &name, qint64 size, quint32 seed)
{
    const QString path = m_dir.filePath(QString::number(++m_counter) + u'-' + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator random(seed);
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        const qint64 n = std::min<qint64>(chunk.size(), size - written);
        random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        file.write(chunk.constData(), n);
        written += n;
    }
    return path;
}

QJsonObject TestMimeWriter::oracle(const QByteArray &message)
{
    return runMimeOracle(message);
}

void TestMimeWriter::checkWireFormat(const QByteArray &message)
{
    QVERIFY(message.endsWith("\r\n"));
    qsizetype start = 0;
    while (start < message.size()) {
        const qsizetype end = message.indexOf('\n', start);
        QVERIFY2(end > start && message.at(end - 1) == '\r', "a line does not end in CRLF");
        QVERIFY2(end - start - 1 <= 998, "a line is longer than 998 octets");
        start = end + 1;
    }
}

namespace {
QString expectedText(const QString &text)
{
    QString out = text;
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return out.endsWith(u'\n') ? out : out + u'\n';
}

QByteArray readAll(MessageStream &stream)
{
    QByteArray all;
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    while (true) {
        const qint64 n = stream.read(chunk.data(), chunk.size());
        if (n <= 0)
            break;
        all.append(chunk.constData(), n);
    }
    return all;
}
} // namespace

void TestMimeWriter::roundTrip_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("cc");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("attachmentNames"); // "name:size" or "name:size:cid"
    QTest::addColumn<bool>("eightBit");

    const QString ascii = QStringLiteral("Tester <tester@example.com>");
    QTest::newRow("ascii") << ascii << QStringLiteral("alice@example.com") << QString()
                           << QStringLiteral("Hello") << QStringLiteral("Hi Alice,\nsee you.\n") << QString()
                           << QStringList() << false;
    QTest::newRow("chinese")
        << QStringLiteral("张三 <zhangsan@example.com>")
        << QStringLiteral("李四 <lisi@example.cn>, 王五 <wangwu@example.cn>")
        << QStringLiteral("\"赵六（财务部）\" <zhaoliu@example.cn>")
        << QStringLiteral("关于下周会议安排和附件的说明，请各位查收并回复确认")
        << QStringLiteral("各位好：\n\n附件是下周会议的纪要，请查收。\n如有问题请及时联系。\n\n张三\n")
        << QString() << QStringList{QStringLiteral("会议纪要.pdf:20000")} << false;
    QTest::newRow("chinese 8bit") << QStringLiteral("张三 <zhangsan@example.com>")
                                  << QStringLiteral("lisi@example.cn") << QString()
                                  << QStringLiteral("八位传输") << QStringLiteral("中文正文，八位编码。\n")
                                  << QString() << QStringList() << true;
    QTest::newRow("emoji") << ascii << QStringLiteral("Bob 🎸 <bob@example.com>") << QString()
                           << QStringLiteral(
                                  "Party 🎉🎊 tonight 👨‍👩‍👧 and 🏳️‍🌈 flags")
                           << QStringLiteral("Bring 🍕 and 🍺!\nFamily: 👨‍👩‍👧‍👦\n")
                           << QString() << QStringList() << false;
    QTest::newRow("right-to-left") << QStringLiteral("أحمد <ahmad@example.com>")
                                   << QStringLiteral("דוד <david@example.co.il>") << QString()
                                   << QStringLiteral("مرحبا بالعالم — שלום עולם")
                                   << QStringLiteral("مرحبا\nשלום\nmixed עברית and English\n") << QString()
                                   << QStringList{QStringLiteral("تقرير.txt:100")} << false;
    QTest::newRow("very long words") << ascii << QStringLiteral("alice@example.com") << QString()
                                     << QStringLiteral("Word: ") + QString(300, u'w') + QStringLiteral(" end")
                                     << QStringLiteral("A ") + QString(300, u'x') + QStringLiteral(" word.\n")
                                     << QString() << QStringList() << false;
    QTest::newRow("5000-character line")
        << ascii << QStringLiteral("alice@example.com") << QString() << QStringLiteral("Long line")
        << QString(5000, u'y') + u'\n' << QString() << QStringList() << true;
    QTest::newRow("flowed paragraph")
        << ascii << QStringLiteral("alice@example.com") << QString() << QStringLiteral("Paragraph")
        << QStringLiteral("This sentence is repeated to make one long paragraph line. ")
                   .repeated(30)
                   .trimmed() +
               QStringLiteral("\n> quoted\nFrom here\n leading space\n.dot\n-- \nsig\n")
        << QString() << QStringList() << false;
    QTest::newRow("trailing spaces kept")
        << ascii << QStringLiteral("alice@example.com") << QString() << QStringLiteral("Spaces")
        << QStringLiteral("end with space \nand tab\t\n") << QString() << QStringList() << false;
    QTest::newRow("200 CJK file name")
        << ascii << QStringLiteral("alice@example.com") << QString() << QStringLiteral("Long name")
        << QStringLiteral("See attachment.\n") << QString()
        << QStringList{QString(QStringLiteral("文件名很长")).repeated(40) + QStringLiteral(".bin:3000")}
        << false;
    QTest::newRow("3 MB binary") << ascii << QStringLiteral("alice@example.com") << QString()
                                 << QStringLiteral("Big") << QStringLiteral("Attached.\n") << QString()
                                 << QStringList{QStringLiteral("data.bin:3145728"),
                                                QStringLiteral("empty.bin:0"), QStringLiteral("one.bin:1"),
                                                QStringLiteral("two.bin:2")}
                                 << false;
    QTest::newRow("html with inline image")
        << ascii << QStringLiteral("alice@example.com") << QStringLiteral("bob@example.com")
        << QStringLiteral("Newsletter") << QStringLiteral("Plain version.\n")
        << QStringLiteral(
               "<html><body><p>Hello <b>你好</b></p><img src=\"cid:logo@sendscope\"></body></html>\n")
        << QStringList{QStringLiteral("logo.png:5000:logo@sendscope"), QStringLiteral("report.csv:700")}
        << false;
    QTest::newRow("specials in names") << QStringLiteral("\"Doe, John (Sales)\" <john@example.com>")
                                       << QStringLiteral("\"O'Brien \\\"Mac\\\"\" <mac@example.com>")
                                       << QString() << QStringLiteral("=?UTF-8?B?not-really?= encoded")
                                       << QStringLiteral("x\n") << QString() << QStringList() << false;
}

void TestMimeWriter::roundTrip()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, cc);
    QFETCH(QString, subject);
    QFETCH(QString, text);
    QFETCH(QString, html);
    QFETCH(QStringList, attachmentNames);
    QFETCH(bool, eightBit);

    MimeMessage message;
    message.from = addresses(from).value(0);
    message.to = addresses(to);
    message.cc = addresses(cc);
    message.subject = subject;
    message.text = text;
    message.html = html;
    message.userAgent = QStringLiteral("Sendscope/test");
    QList<QByteArray> hashes;
    quint32 seed = 1;
    for (const QString &spec : attachmentNames) {
        const QStringList parts = spec.split(u':');
        MimeAttachment attachment;
        attachment.path = makeFile(QStringLiteral("attachment"), parts.at(1).toLongLong(), seed++);
        attachment.fileName = parts.at(0);
        attachment.contentId = parts.value(2).toUtf8();
        QFile file(attachment.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        hashes << QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
        message.attachments << attachment;
    }

    MimeWriter::Error error;
    MessageSource::Scan scan;
    const std::unique_ptr<MessageStream> stream = MimeWriter::write(message, {eightBit}, &error, &scan);
    QVERIFY2(stream, qPrintable(error.message));
    const QByteArray bytes = readAll(*stream);
    QCOMPARE(bytes.size(), stream->size()); // the promised size is exact
    QCOMPARE(scan.canonicalSize, stream->size());
    checkWireFormat(bytes);
    if (!eightBit && !message.requiresSmtpUtf8()) {
        for (const char c : bytes)
            QVERIFY2(static_cast<unsigned char>(c) < 0x80, "8-bit data without 8BITMIME");
    }

    const QJsonObject result = oracle(bytes);
    QVERIFY(!result.isEmpty());
    QVERIFY2(result.value(QStringLiteral("defects")).toArray().isEmpty(),
             QJsonDocument(result.value(QStringLiteral("defects")).toArray()).toJson().constData());
    const QJsonObject headers = result.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("Subject")).toString(), subject);
    const QJsonObject parsed = result.value(QStringLiteral("addresses")).toObject();
    auto compareAddresses = [&](const QString &header, const QList<MailAddress> &expected) {
        const QJsonArray list = parsed.value(header).toArray();
        QCOMPARE(list.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(list.at(i).toArray().at(0).toString(), expected.at(i).displayName());
            QCOMPARE(list.at(i).toArray().at(1).toString(), expected.at(i).address());
        }
    };
    compareAddresses(QStringLiteral("From"), {message.from});
    compareAddresses(QStringLiteral("To"), message.to);
    compareAddresses(QStringLiteral("Cc"), message.cc);
    QCOMPARE(result.value(QStringLiteral("text")).toString(), expectedText(text));
    if (!html.isEmpty())
        QCOMPARE(result.value(QStringLiteral("html")).toString(), expectedText(html));
    const QJsonArray attachments = result.value(QStringLiteral("attachments")).toArray();
    QCOMPARE(attachments.size(), message.attachments.size());
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        const QJsonObject attachment = attachments.at(i).toObject();
        // The writer puts inline images first (inside multipart/related), then the files.
        const auto match = std::find_if(
            message.attachments.begin(), message.attachments.end(), [&](const MimeAttachment &a) {
                return a.fileName == attachment.value(QStringLiteral("filename")).toString();
            });
        QVERIFY2(match != message.attachments.end(),
                 qPrintable(attachment.value(QStringLiteral("filename")).toString()));
        QVERIFY2(attachment.value(QStringLiteral("sha256")).toString().toLatin1() ==
                     hashes.at(match - message.attachments.begin()),
                 qPrintable(match->fileName));
        // The old-reader form of the name decodes to the same name.
        QCOMPARE(attachment.value(QStringLiteral("name_param")).toString(), match->fileName);
        if (!match->contentId.isEmpty())
            QCOMPARE(attachment.value(QStringLiteral("content_id")).toString(),
                     u'<' + QString::fromLatin1(match->contentId) + u'>');
    }
}

void TestMimeWriter::smtpUtf8AddressesAreRawUtf8()
{
    MimeMessage message;
    message.from = addresses(QStringLiteral("用户 <用户@例子.广告>")).value(0);
    message.to = addresses(QStringLiteral("收件人@例子.广告"));
    message.subject = QStringLiteral("国际化地址");
    message.text = QStringLiteral("你好\n");
    QVERIFY(message.requiresSmtpUtf8());
    MimeWriter::Error error;
    MessageSource::Scan scan;
    const auto stream = MimeWriter::write(message, {}, &error, &scan);
    QVERIFY(stream);
    const QByteArray bytes = readAll(*stream);
    QVERIFY(bytes.contains(QStringLiteral("用户@例子.广告").toUtf8()));
    QVERIFY(scan.headersNonAscii);
    QVERIFY(scan.hasEightBit);
    const QJsonObject result = oracle(bytes);
    const QJsonArray to =
        result.value(QStringLiteral("addresses")).toObject().value(QStringLiteral("To")).toArray();
    QCOMPARE(to.at(0).toArray().at(1).toString(), QStringLiteral("收件人@例子.广告"));
}

void TestMimeWriter::idnDomainBecomesALabels()
{
    MimeMessage message;
    message.from = addresses(QStringLiteral("me@example.com")).value(0);
    message.to = addresses(QStringLiteral("Müller <info@bücher.example>"));
    message.text = QStringLiteral("x\n");
    QVERIFY(!message.requiresSmtpUtf8());
    MimeWriter::Error error;
    const auto stream = MimeWriter::write(message, {}, &error);
    const QByteArray bytes = readAll(*stream);
    QVERIFY2(bytes.contains("<info@xn--bcher-kva.example>"), bytes.constData());
    QCOMPARE(message.to.first().encodedAddress(false), QByteArray("info@xn--bcher-kva.example"));
}

void TestMimeWriter::bccNeverWritten()
{
    MimeMessage message;
    message.from = addresses(QStringLiteral("me@example.com")).value(0);
    message.to = addresses(QStringLiteral("a@example.com"));
    message.bcc = addresses(QStringLiteral("secret-bcc@example.com, A@example.com"));
    message.text = QStringLiteral("x\n");
    MimeWriter::Error error;
    const auto stream = MimeWriter::write(message, {}, &error);
    const QByteArray bytes = readAll(*stream);
    QVERIFY(!bytes.contains("secret-bcc"));
    QVERIFY(!bytes.contains("Bcc"));
    // The envelope has every recipient once (a@ and A@ are the same mailbox).
    QCOMPARE(message.envelopeRecipients().size(), 2);
}

void TestMimeWriter::headersAndReadReceipt()
{
    MimeMessage message;
    message.from = addresses(QStringLiteral("Me <me@example.com>")).value(0);
    message.sender = addresses(QStringLiteral("assistant@example.com")).value(0);
    message.to = addresses(QStringLiteral("a@example.com"));
    message.replyTo = addresses(QStringLiteral("replies@example.com"));
    message.inReplyTo = "<parent@example.com>";
    message.references = {"<root@example.com>", "<parent@example.com>"};
    message.requestReadReceipt = true;
    message.date = QDateTime(QDate(2026, 11, 22), QTime(14, 5, 9), QTimeZone(8 * 3600));
    message.text = QStringLiteral("x\n");
    MimeWriter::Error error;
    const auto stream = MimeWriter::write(message, {}, &error);
    const QByteArray bytes = readAll(*stream);
    QVERIFY(bytes.contains("\r\nDate: Sun, 22 Nov 2026 14:05:09 +0800\r\n"));
    QVERIFY(bytes.contains("\r\nMessage-ID: <"));
    QVERIFY(bytes.contains("@example.com>\r\n"));
    const QJsonObject headers = oracle(bytes).value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("Sender")).toString(), QStringLiteral("assistant@example.com"));
    QCOMPARE(headers.value(QStringLiteral("Reply-To")).toString(), QStringLiteral("replies@example.com"));
    QCOMPARE(headers.value(QStringLiteral("In-Reply-To")).toString(), QStringLiteral("<parent@example.com>"));
    QCOMPARE(headers.value(QStringLiteral("References")).toString(),
             QStringLiteral("<root@example.com> <parent@example.com>"));
    QCOMPARE(headers.value(QStringLiteral("Disposition-Notification-To")).toString(),
             QStringLiteral("Me <me@example.com>"));
    QCOMPARE(headers.value(QStringLiteral("MIME-Version")).toString(), QStringLiteral("1.0"));
}

void TestMimeWriter::priorityAndReadReceiptHeaders_data()
{
    QTest::addColumn<int>("priority");
    QTest::addColumn<bool>("readReceipt");
    QTest::addColumn<QString>("xPriority"); // empty: no such header
    QTest::addColumn<QString>("importance");
    QTest::newRow("normal, nothing asked")
        << int(MimeMessage::Priority::Normal) << false << QString() << QString();
    QTest::newRow("high") << int(MimeMessage::Priority::High) << false << QStringLiteral("1")
                          << QStringLiteral("high");
    QTest::newRow("low with read receipt")
        << int(MimeMessage::Priority::Low) << true << QStringLiteral("5") << QStringLiteral("low");
    QTest::newRow("normal with read receipt")
        << int(MimeMessage::Priority::Normal) << true << QString() << QString();
}

void TestMimeWriter::priorityAndReadReceiptHeaders()
{
    QFETCH(int, priority);
    QFETCH(bool, readReceipt);
    QFETCH(QString, xPriority);
    QFETCH(QString, importance);
    MimeMessage message;
    message.from = addresses(QStringLiteral("张三 <zhang@example.com>")).value(0);
    message.to = addresses(QStringLiteral("a@example.com"));
    message.subject = QStringLiteral("x");
    message.text = QStringLiteral("x\n");
    message.priority = MimeMessage::Priority(priority);
    message.requestReadReceipt = readReceipt;
    MimeWriter::Error error;
    const auto stream = MimeWriter::write(message, {}, &error);
    QVERIFY2(stream, qPrintable(error.message));
    const QByteArray bytes = readAll(*stream);
    const QByteArray head = bytes.left(bytes.indexOf("\r\n\r\n") + 2);
    const QJsonObject headers = oracle(bytes).value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.contains(QStringLiteral("X-Priority")), !xPriority.isEmpty());
    QCOMPARE(headers.contains(QStringLiteral("Importance")), !importance.isEmpty());
    if (!xPriority.isEmpty()) {
        QCOMPARE(headers.value(QStringLiteral("X-Priority")).toString(), xPriority);
        QCOMPARE(headers.value(QStringLiteral("Importance")).toString(), importance);
        QVERIFY(head.contains("\r\nX-Priority: " + xPriority.toLatin1() + "\r\n"));
    }
    QCOMPARE(headers.contains(QStringLiteral("Disposition-Notification-To")), readReceipt);
    if (readReceipt) // to the From address, its name encoded like From's
        QCOMPARE(headers.value(QStringLiteral("Disposition-Notification-To")).toString(),
                 headers.value(QStringLiteral("From")).toString());
}

void TestMimeWriter::refusesBadInput_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("attachment");
    QTest::addColumn<int>("code");
    QTest::newRow("subject injection") << QStringLiteral("Hi\r\nBcc: victim@example.com") << QString()
                                       << int(MimeWriter::ErrorCode::HeaderInjection);
    QTest::newRow("nul in subject") << QStringLiteral("a") + QChar(0) << QString()
                                    << int(MimeWriter::ErrorCode::HeaderInjection);
    QTest::newRow("missing attachment") << QStringLiteral("ok") << QStringLiteral("/nonexistent/file.pdf")
                                        << int(MimeWriter::ErrorCode::UnreadableAttachment);
    QTest::newRow("directory attachment")
        << QStringLiteral("ok") << QStringLiteral("/tmp") << int(MimeWriter::ErrorCode::UnreadableAttachment);
}

void TestMimeWriter::refusesBadInput()
{
    QFETCH(QString, subject);
    QFETCH(QString, attachment);
    QFETCH(int, code);
    MimeMessage message;
    message.from = addresses(QStringLiteral("me@example.com")).value(0);
    message.to = addresses(QStringLiteral("a@example.com"));
    message.subject = subject;
    if (!attachment.isEmpty())
        message.attachments << MimeAttachment{attachment, {}, {}, {}, -1};
    MimeWriter::Error error;
    QVERIFY(!MimeWriter::write(message, {}, &error));
    QCOMPARE(int(error.code), code);
    QVERIFY(!error.message.isEmpty());
}

void TestMimeWriter::attachmentChangedAfterComposeFailsRead()
{
    const QString path = makeFile(QStringLiteral("changing.bin"), 200000, 7);
    MimeMessage message;
    message.from = addresses(QStringLiteral("me@example.com")).value(0);
    message.to = addresses(QStringLiteral("a@example.com"));
    message.attachments << MimeAttachment{path, {}, {}, {}, -1};
    MimeWriter::Error error;
    const auto stream = MimeWriter::write(message, {}, &error);
    QVERIFY(stream);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("shrunk");
    file.close();
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    qint64 n = 0;
    while ((n = stream->read(buffer.data(), buffer.size())) > 0)
        total += n;
    QCOMPARE(n, qint64(-1));
    QVERIFY(total < stream->size());
    QVERIFY2(stream->errorString().contains(path), qPrintable(stream->errorString()));
}

void TestMimeWriter::textAttachmentNamesItsCharset_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("contentType"); // as written, up to the name parameter

    QTest::newRow("ASCII text") << QStringLiteral("notes.txt") << QByteArray("just ASCII\n")
                                << QByteArray("text/plain;");
    QTest::newRow("UTF-8 text") << QStringLiteral("notes.txt") << QStringLiteral("你好，世界\n").toUtf8()
                                << QByteArray("text/plain; charset=utf-8;");
    QTest::newRow("UTF-8 CSV") << QStringLiteral("prices.csv")
                               << QStringLiteral("名称,价格\n咖啡,€3\n").toUtf8()
                               << QByteArray("text/csv; charset=utf-8;");
    // "你好" in GB18030: not UTF-8, and not guessed either.
    QTest::newRow("GB18030 text") << QStringLiteral("legacy.txt") << QByteArray("\xc4\xe3\xba\xc3\n")
                                  << QByteArray("text/plain;");
    QTest::newRow("binary") << QStringLiteral("image.png") << QByteArray("\x89PNG\r\n\x1a\n\xc3\xa9", 10)
                            << QByteArray("image/png;");
}

void TestMimeWriter::textAttachmentNamesItsCharset()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, contentType);
    QDir(m_dir.path()).mkpath(QString::number(++m_counter));
    const QString path = m_dir.filePath(QString::number(m_counter) + u'/' + fileName);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    MimeMessage message;
    message.from = addresses(QStringLiteral("me@example.com")).value(0);
    message.to = addresses(QStringLiteral("a@example.com"));
    message.text = QStringLiteral("see attached\n");
    message.attachments << MimeAttachment{path, {}, {}, {}, -1};
    MimeWriter::Error error;
    const auto stream = MimeWriter::write(message, {}, &error);
    QVERIFY2(stream, qPrintable(error.message));
    const QByteArray written = readAll(*stream);
    checkWireFormat(written);
    QVERIFY2(written.contains("Content-Type: " + contentType + "\r\n name=\"" + fileName.toUtf8() + '"'),
             written.constData());
    // A reader decodes the attachment to exactly the bytes of the file.
    const QJsonArray parts = oracle(written).value(QStringLiteral("attachments")).toArray();
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.at(0).toObject().value(QStringLiteral("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
}

QTEST_GUILESS_MAIN(TestMimeWriter)
#include "testmimewriter.moc"
