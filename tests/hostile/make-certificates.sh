#!/usr/bin/env bash
# Makes the certificates the hostile-server tests present, in DIR:
#   ca.pem            a test CA (the tests trust it as an extra CA)
#   good.pem/.key     signed by the CA for 127.0.0.1 and localhost, valid now
#   expired.pem/.key  signed by the CA for 127.0.0.1, valid only in January 2020
#   wronghost.pem/.key signed by the CA, valid now, but for mail.other.example only
#   selfsigned.pem/.key, changed.pem/.key   two self-signed certificates for 127.0.0.1 (not from the CA)
#   blacklisted.pem/.key self-signed for 127.0.0.1 with the serial number and name of a certificate on
#                     Qt's blacklist (the stolen Comodo certificate for mail.google.com)
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"
quiet() { "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@"; exit 1; }; }

quiet openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=Sendscope hostile test CA" -days 2 \
    -keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"

# openssl ca, because only it can set a start date in the past (for the expired certificate).
cat > ca.cnf <<'CONF'
[ca]
default_ca = testca
[testca]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = anything
copy_extensions = copy
unique_subject = no
[anything]
commonName = supplied
CONF
: > index.txt
echo 1000 > serial

issue() { # name subjectAltName startdate enddate
    quiet openssl req -new -newkey rsa:2048 -nodes -subj "/CN=$1" -addext "subjectAltName=$2" \
        -keyout "$1.key" -out "$1.csr"
    quiet openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -in "$1.csr" -out "$1.pem" \
        -startdate "$3" -enddate "$4" -notext
}
now=$(date -u -d "-1 day" +%Y%m%d%H%M%SZ)
later=$(date -u -d "+2 days" +%Y%m%d%H%M%SZ)
issue good "IP:127.0.0.1,DNS:localhost" "$now" "$later"
issue expired "IP:127.0.0.1,DNS:localhost" 20200101000000Z 20200201000000Z
issue wronghost "DNS:mail.other.example" "$now" "$later"

for name in selfsigned changed; do
    quiet openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=localhost" -days 2 \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$name.key" -out "$name.pem"
done

# QSslCertificate's blacklist matches the serial number and the common name, so this copy is enough to
# make Qt report CertificateBlacklisted.
quiet openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=mail.google.com" -days 2 \
    -set_serial 0x047ecbe9fca55f7bd09eae36e10cae1e \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout blacklisted.key -out blacklisted.pem
