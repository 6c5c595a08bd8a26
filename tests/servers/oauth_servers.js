#!/usr/bin/env node
// The sign-in tests' real servers, on 127.0.0.1 only (free ports): oauth2-mock-server (authorization
// code with PKCE S256, refresh tokens) and smtp-server with XOAUTH2, which accepts a bearer token only
// when its JWT signature verifies against the mock's JWKS, it was issued by that mock, it has not
// expired and its email claim is the SASL user name. A control endpoint lets a test make the next
// refresh answer invalid_grant, or the SMTP server refuse the next N valid tokens (a revoked token).
//
// usage: node oauth_servers.js --dir DIR --cert PEM --key PEM --email ADDRESS
// Writes DIR/oauth.env (ports), appends every token it issues to DIR/oauth-issued-tokens (read by
// tests/hostile/scan-secrets.py, never inside the scanned directories), stores mail in DIR/oauth-mail/.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { OAuth2Server } = require('oauth2-mock-server');
const { SMTPServer } = require('smtp-server');
const jose = require('jose');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const dir = args.dir;
const email = args.email;
const mailDir = path.join(dir, 'oauth-mail');
const tokensFile = path.join(dir, 'oauth-issued-tokens');
fs.mkdirSync(mailDir, { recursive: true });

const control = { invalidGrantNext: 0, rejectNext: 0, expiresIn: 3600 };
const stats = { codeGrants: 0, refreshGrants: 0, authAccepted: 0, authRejected: 0, messages: 0 };
let lastRefreshToken = '';

async function main() {
    const oauth = new OAuth2Server();
    await oauth.issuer.keys.generate('RS256');
    await oauth.start(0, '127.0.0.1');
    // An address, not "localhost", which may resolve to ::1 where nothing listens.
    oauth.issuer.url = `http://127.0.0.1:${oauth.address().port}`;
    const issuer = oauth.issuer.url;
    oauth.service.on('beforeTokenSigning', (token) => {
        token.payload.email = email;
    });
    oauth.service.on('beforeResponse', (response, req) => {
        const grant = req.body.grant_type;
        if (grant === 'refresh_token' && control.invalidGrantNext > 0) {
            control.invalidGrantNext -= 1;
            response.statusCode = 400;
            response.body = {
                error: 'invalid_grant',
                error_description:
                    'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.',
            };
            return;
        }
        if (response.statusCode !== 200) return;
        if (grant === 'authorization_code') stats.codeGrants += 1;
        if (grant === 'refresh_token') stats.refreshGrants += 1;
        response.body.expires_in = control.expiresIn;
        const issued = [response.body.access_token, response.body.refresh_token, response.body.id_token];
        fs.appendFileSync(tokensFile, issued.filter(Boolean).map((t) => email + '\t' + t + '\n').join(''));
        if (response.body.refresh_token) lastRefreshToken = response.body.refresh_token;
    });

    const jwks = jose.createLocalJWKSet({ keys: oauth.issuer.keys.toJSON() });
    const smtp = new SMTPServer({
        key: fs.readFileSync(args.key),
        cert: fs.readFileSync(args.cert),
        authMethods: ['XOAUTH2'],
        banner: 'Sendscope OAuth test server (smtp-server)',
        logger: false,
        async onAuth(auth, session, callback) {
            const refuse = () => {
                stats.authRejected += 1;
                // Google's answer: a 334 JSON challenge, then 535 after the client's empty response.
                callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
            };
            try {
                const { payload } = await jose.jwtVerify(auth.accessToken, jwks, { issuer });
                if (payload.email !== auth.username) return refuse();
                if (control.rejectNext > 0) {
                    control.rejectNext -= 1;
                    return refuse();
                }
                stats.authAccepted += 1;
                return callback(null, { user: auth.username });
            } catch (e) {
                return refuse();
            }
        },
        onData(stream, session, callback) {
            const chunks = [];
            stream.on('data', (c) => chunks.push(c));
            stream.on('end', () => {
                stats.messages += 1;
                const id = 'OAUTH' + stats.messages;
                fs.writeFileSync(path.join(mailDir, id + '.eml'), Buffer.concat(chunks));
                callback(null, 'Ok: queued as ' + id);
            });
        },
    });
    await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = smtp.server.address().port;

    const controlServer = http.createServer((req, res) => {
        const url = new URL(req.url, 'http://127.0.0.1');
        const number = (name, fallback) => Number(url.searchParams.get(name) ?? fallback);
        if (req.method === 'POST' && url.pathname === '/invalid-grant-next') control.invalidGrantNext = number('count', 1);
        else if (req.method === 'POST' && url.pathname === '/reject-next') control.rejectNext = number('count', 1);
        else if (req.method === 'POST' && url.pathname === '/expires-in') control.expiresIn = number('seconds', 3600);
        else if (req.method === 'POST' && url.pathname === '/reset') {
            Object.assign(control, { invalidGrantNext: 0, rejectNext: 0, expiresIn: 3600 });
        } else if (req.method === 'GET' && url.pathname === '/stats') {
            res.setHeader('Content-Type', 'application/json');
            return res.end(JSON.stringify(stats));
        } else if (req.method === 'GET' && url.pathname === '/last-refresh-token') {
            // For the test's comparison with the keychain; the test never prints it.
            return res.end(lastRefreshToken);
        } else {
            res.statusCode = 404;
            return res.end();
        }
        res.end('ok');
    });
    await new Promise((resolve) => controlServer.listen(0, '127.0.0.1', resolve));

    fs.writeFileSync(
        path.join(dir, 'oauth.env'),
        [
            `OAUTH_ISSUER=${issuer}`,
            `OAUTH_AUTHORIZE_URL=${issuer}/authorize`,
            `OAUTH_TOKEN_URL=${issuer}/token`,
            `OAUTH_SMTP_PORT=${smtpPort}`,
            `OAUTH_CONTROL_PORT=${controlServer.address().port}`,
            `OAUTH_EMAIL=${email}`,
            `OAUTH_MAIL_DIR=${mailDir}`,
            `OAUTH_ISSUED_TOKENS=${tokensFile}`,
            '',
        ].join('\n'),
    );
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
