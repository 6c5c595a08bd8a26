#!/usr/bin/python3
"""Round-trip oracle for Sendscope's MIME writer: parses a message with Python's standard email package
(policy.default, which nobody on this project wrote) and prints what a mail reader would show as JSON:
decoded headers and addresses, the text and HTML bodies, attachments (name, type, SHA-256 of the decoded
bytes, Content-ID) and every defect the parser found. format=flowed text is unflowed per RFC 3676, which
the email package leaves to the reader."""
import email
import email.policy
import hashlib
import json
import sys


def unflow(text, delsp):
    out, current = [], None
    for line in text.split("\n"):
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        soft = line.endswith(" ") and line != "-- "
        if soft and delsp:
            line = line[:-1]
        current = line if current is None else current + line
        if not soft:
            out.append(current)
            current = None
    if current is not None:
        out.append(current)
    return "\n".join(out)


def main(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    result = {"headers": {}, "addresses": {}, "text": None, "html": None, "attachments": [], "defects": [],
              "structure": []}
    for name in ("From", "Sender", "To", "Cc", "Reply-To", "Subject", "Message-ID", "In-Reply-To", "References",
                 "Disposition-Notification-To", "User-Agent", "MIME-Version", "Bcc", "Date", "X-Priority",
                 "Importance"):
        value = msg[name]
        if value is not None:
            result["headers"][name] = str(value)
            if hasattr(value, "addresses"):
                result["addresses"][name] = [[a.display_name, a.addr_spec] for a in value.addresses]
    result["defects"] += ["message: " + type(d).__name__ for d in msg.defects]
    for part in msg.walk():
        result["structure"].append(part.get_content_type())
        result["defects"] += [part.get_content_type() + ": " + type(d).__name__ for d in part.defects]
        for name, value in part.items():
            for d in getattr(value, "defects", []):
                # RFC 2047 forbids encoded-words in quoted strings, yet name="=?UTF-8?B?...?=" is what
                # readers that predate RFC 2231 understand; the writer adds it on purpose, beside the
                # RFC 2231 filename*, and it is reported apart from real defects.
                if name.lower() == "content-type" and part.get_param("name") is not None and str(d) in (
                        "encoded word inside quoted string", "missing trailing whitespace after encoded-word"):
                    result.setdefault("compat_defects", []).append(str(d))
                    continue
                result["defects"].append("%s header %s: %s (%s)" % (part.get_content_type(), name,
                                                                    type(d).__name__, d))
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        if part.get_content_type() == "text/plain" and disposition is None and result["text"] is None:
            text = part.get_content()
            if part.get_param("format", "").lower() == "flowed":
                text = unflow(text, part.get_param("delsp", "no").lower() == "yes")
            result["text"] = text
        elif part.get_content_type() == "text/html" and disposition is None and result["html"] is None:
            result["html"] = part.get_content()
        else:
            data = part.get_payload(decode=True)  # the bytes as sent, whatever the declared type
            result["attachments"].append({"filename": part.get_filename(), "content_type": part.get_content_type(),
                                          "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                                          "content_id": part["Content-ID"], "disposition": disposition,
                                          "name_param": part.get_param("name")})
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
