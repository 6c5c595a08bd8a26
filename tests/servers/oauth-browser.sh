#!/usr/bin/env bash
# The browser of the sign-in tests, set as $BROWSER: it "signs in" by fetching the authorization URL
# from the mock server and following its redirect to Sendscope's loopback listener, as a person's browser
# would. OAUTH_BROWSER_MODE acts out an attack or a mistake:
#   follow           (default) follow the redirect as it is
#   forge-state      replace the state in the redirect (a forged callback): Sendscope must refuse it
#   wrong-challenge  replace the PKCE code_challenge on the way in: the token endpoint must then refuse
#                    Sendscope's verifier, and its error must reach the person
set -euo pipefail
url=$1
case ${OAUTH_BROWSER_MODE:-follow} in
follow)
    exec curl -sS -L -o /dev/null "$url" ;;
forge-state)
    location=$(curl -sS -o /dev/null -w '%{redirect_url}' "$url")
    exec curl -sS -o /dev/null "$(sed -E 's/([?&]state=)[^&]*/\1forged-by-someone-else/' <<<"$location")" ;;
wrong-challenge)
    challenge=$(printf 'a-verifier-that-sendscope-never-made-0123456789' | openssl dgst -sha256 -binary |
        base64 | tr '+/' '-_' | tr -d '=')
    exec curl -sS -L -o /dev/null "$(sed -E "s/([?&]code_challenge=)[^&]*/\1$challenge/" <<<"$url")" ;;
*)
    echo "oauth-browser.sh: unknown OAUTH_BROWSER_MODE" >&2; exit 2 ;;
esac
