<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Account</name>
    <message>
        <source>Give the account a name.</source>
        <translation>请为账户命名。</translation>
    </message>
    <message>
        <source>The name cannot contain line breaks or slashes.</source>
        <translation>名称不能包含换行符或斜杠。</translation>
    </message>
    <message>
        <source>Enter the email address to send from.</source>
        <translation>请输入用于发信的电子邮件地址。</translation>
    </message>
    <message>
        <source>Enter only the address here; the name has its own field.</source>
        <translation>此处只填写地址；名称有单独的字段。</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; cannot contain line breaks.</source>
        <translation>名称“%1”不能包含换行符。</translation>
    </message>
    <message>
        <source>Reply-To &quot;%1&quot;: %2</source>
        <translation>回复地址“%1”：%2</translation>
    </message>
    <message>
        <source>Identity %1 (&quot;%2&quot;): %3</source>
        <translation>身份 %1（“%2”）：%3</translation>
    </message>
    <message>
        <source>Enter the outgoing (SMTP) server, for example smtp.example.com.</source>
        <translation>请输入发件（SMTP）服务器，例如 smtp.example.com。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or address.</source>
        <translation>“%1”不是有效的主机名或地址。</translation>
    </message>
    <message>
        <source>Without encryption the password would cross the network in clear text. Choose STARTTLS or SSL/TLS, or no authentication.</source>
        <translation>不加密时，密码会以明文形式在网络上传输。请选择 STARTTLS 或 SSL/TLS，或者不使用身份验证。</translation>
    </message>
    <message>
        <source>Enter the user name for the server.</source>
        <translation>请输入服务器的用户名。</translation>
    </message>
</context>
<context>
    <name>AccountCommand</name>
    <message>
        <source>add: the email address to send from (required).</source>
        <translation>add：发信所用的电子邮件地址（必填）。</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>add: the name shown with the address.</source>
        <translation>add：与地址一同显示的名称。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>add: Reply-To address for this identity.</source>
        <translation>add：此身份的回复地址。</translation>
    </message>
    <message>
        <source>add: a further identity the account may send as, &quot;Name &lt;addr&gt;&quot;; may be repeated.</source>
        <translation>add：该账户还可用于发信的其他身份，格式为 &quot;Name &lt;addr&gt;&quot;；可多次指定。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>add: SMTP server host name or address (required).</source>
        <translation>add：SMTP 服务器的主机名或地址（必填）。</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>add: port; default 587 for starttls, 465 for tls, 25 for none.</source>
        <translation>add：端口；默认值为 587（starttls）、465（tls）或 25（none）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>add: none, starttls (default) or tls.</source>
        <translation>add：none、starttls（默认）或 tls。</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>add: user name; default: the address.</source>
        <translation>add：用户名；默认与邮件地址相同。</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>add: automatic (default), plain, login, cram-md5, scram-sha-256, oauth2 or none.</source>
        <translation>add：automatic（默认）、plain、login、cram-md5、scram-sha-256、oauth2 或 none。</translation>
    </message>
    <message>
        <source>MECH</source>
        <translation>MECH</translation>
    </message>
    <message>
        <source>add: allow sending the password without encryption.</source>
        <translation>add：允许在不加密的情况下发送密码。</translation>
    </message>
    <message>
        <source>add: always trust the server certificate with this SHA-256 fingerprint.</source>
        <translation>add：始终信任具有此 SHA-256 指纹的服务器证书。</translation>
    </message>
    <message>
        <source>SHA256</source>
        <translation>SHA256</translation>
    </message>
    <message>
        <source>add: read the password from environment variable VAR.</source>
        <translation>add：从环境变量 VAR 读取密码。</translation>
    </message>
    <message>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <source>add: read the password from the first line of standard input.</source>
        <translation>add：从标准输入的第一行读取密码。</translation>
    </message>
    <message>
        <source>add: read an OAuth 2.0 bearer token from VAR.</source>
        <translation>add：从 VAR 读取 OAuth 2.0 持有者令牌。</translation>
    </message>
    <message>
        <source>sendscope account: %1</source>
        <translation>sendscope account: %1</translation>
    </message>
    <message>
        <source>Run &apos;sendscope account --help&apos; for the options.</source>
        <translation>运行 &apos;sendscope account --help&apos; 查看可用选项。</translation>
    </message>
    <message>
        <source>list takes no further arguments.</source>
        <translation>list 不接受其他参数。</translation>
    </message>
    <message>
        <source>add needs exactly one account name, for example: account add work --address ...</source>
        <translation>add 需要且只需要一个账户名称，例如：account add work --address ...</translation>
    </message>
    <message>
        <source>--identity &quot;%1&quot;: %2</source>
        <translation>--identity “%1”：%2</translation>
    </message>
    <message>
        <source>--security must be none, starttls or tls, not &quot;%1&quot;.</source>
        <translation>--security 必须是 none、starttls 或 tls，而不是“%1”。</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535.</source>
        <translation>--port 必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>unknown --auth &quot;%1&quot;.</source>
        <translation>未知的 --auth 值“%1”。</translation>
    </message>
    <message>
        <source>--trust-fingerprint needs 64 hex digits, not &quot;%1&quot;.</source>
        <translation>--trust-fingerprint 需要 64 位十六进制数字，而不是“%1”。</translation>
    </message>
    <message>
        <source>--auth none takes no password.</source>
        <translation>--auth none 不需要密码。</translation>
    </message>
    <message>
        <source>give the password with --password-stdin or --password-env VAR (or a token with --token-env VAR), or say --auth none.</source>
        <translation>请使用 --password-stdin 或 --password-env VAR 提供密码（或使用 --token-env VAR 提供令牌），或者指定 --auth none。</translation>
    </message>
    <message>
        <source>the password is empty.</source>
        <translation>密码为空。</translation>
    </message>
    <message>
        <source>there is already an account named &quot;%1&quot;; remove it first.</source>
        <translation>已存在名为“%1”的账户；请先将其删除。</translation>
    </message>
    <message>
        <source>No accounts. Add one with &apos;sendscope account add&apos;.</source>
        <translation>没有账户。请使用 &apos;sendscope account add&apos; 添加一个。</translation>
    </message>
    <message>
        <source>auth %1</source>
        <translation>身份验证 %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户名 %1</translation>
    </message>
    <message>
        <source>also as %1</source>
        <translation>也可作为 %1 发信</translation>
    </message>
    <message>
        <source>remove needs exactly one account name.</source>
        <translation>remove 需要且只需要一个账户名称。</translation>
    </message>
    <message>
        <source>there is no account &quot;%1&quot;.</source>
        <translation>不存在账户“%1”。</translation>
    </message>
    <message>
        <source>sendscope account: the password could not be stored, so the account was not added.</source>
        <translation>sendscope account: 无法保存密码，因此未添加该账户。</translation>
    </message>
    <message>
        <source>Warning: the keychain could not be reached to delete this account&apos;s password (entry &quot;%1&quot;, key &quot;%2&quot;); delete it there by hand if it exists.</source>
        <translation>警告：无法访问密钥环来删除此账户的密码（条目“%1”，键“%2”）；如果该密码存在，请在密钥环中手动将其删除。</translation>
    </message>
    <message>
        <source>sendscope account: the password could not be deleted, so the account was kept.</source>
        <translation>sendscope account: 无法删除密码，因此保留了该账户。</translation>
    </message>
    <message>
        <source>Added account &quot;%1&quot; (%2, %3:%4).</source>
        <translation>已添加账户“%1”（%2，%3:%4）。</translation>
    </message>
    <message>
        <source>The password is in the system keychain, not in %1.</source>
        <translation>密码保存在系统密钥环中，而不是 %1 中。</translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot; and its password.</source>
        <translation>已删除账户“%1”及其密码。</translation>
    </message>
    <message>
        <source>Manage the accounts Sendscope sends with.

  sendscope account add NAME --address ADDR --server HOST [options] (--password-stdin | --password-env VAR | --token-env VAR | --auth none)
  sendscope account add NAME --address ADDR --oauth2 google|microsoft|custom [options]
  sendscope account login NAME
  sendscope account list
  sendscope account remove NAME

Settings go to %1; the password or the sign-in&apos;s refresh token goes to the system keychain only.</source>
        <translation>管理 Sendscope 用于发信的账户。

  sendscope account add NAME --address ADDR --server HOST [options] (--password-stdin | --password-env VAR | --token-env VAR | --auth none)
  sendscope account add NAME --address ADDR --oauth2 google|microsoft|custom [options]
  sendscope account login NAME
  sendscope account list
  sendscope account remove NAME

设置保存在 %1；密码或登录的刷新令牌只保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>add, list, remove or login, then the account name.</source>
        <translation>add、list、remove 或 login，然后是账户名称。</translation>
    </message>
    <message>
        <source>add: sign in with OAuth 2.0 instead of a password: google, microsoft or custom; then run &apos;sendscope account login NAME&apos;.</source>
        <translation>add：使用 OAuth 2.0 登录而不是密码：google、microsoft 或 custom；然后运行 &apos;sendscope account login NAME&apos;。</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>PROVIDER</translation>
    </message>
    <message>
        <source>add: the authorization endpoint (custom, or to override).</source>
        <translation>add：授权端点（用于 custom，或覆盖默认值）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>add: the token endpoint (custom, or to override).</source>
        <translation>add：令牌端点（用于 custom，或覆盖默认值）。</translation>
    </message>
    <message>
        <source>add: the app&apos;s client id at the provider.</source>
        <translation>add：应用在服务商处的客户端 ID。</translation>
    </message>
    <message>
        <source>add: the scopes to ask for, separated by spaces.</source>
        <translation>add：要申请的权限范围（scope），以空格分隔。</translation>
    </message>
    <message>
        <source>SCOPE</source>
        <translation>SCOPE</translation>
    </message>
    <message>
        <source>login: seconds to wait for the browser to come back (default 300).</source>
        <translation>login：等待浏览器返回的秒数（默认 300）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>login: only print the address to open, do not start a browser.</source>
        <translation>login：只输出要打开的地址，不启动浏览器。</translation>
    </message>
    <message>
        <source>say add, list, remove or login.</source>
        <translation>请指定 add、list、remove 或 login。</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot;; say add, list, remove or login.</source>
        <translation>未知操作“%1”；请指定 add、list、remove 或 login。</translation>
    </message>
    <message>
        <source>--oauth2 takes no password or token: sign in with &apos;sendscope account login&apos;.</source>
        <translation>--oauth2 不接受密码或令牌：请使用 &apos;sendscope account login&apos; 登录。</translation>
    </message>
    <message>
        <source>Now sign in: sendscope account login %1</source>
        <translation>现在请登录：sendscope account login %1</translation>
    </message>
    <message>
        <source>--oauth2 custom needs --%1.</source>
        <translation>--oauth2 custom 需要 --%1。</translation>
    </message>
    <message>
        <source>--oauth2 custom needs --server.</source>
        <translation>--oauth2 custom 需要 --server。</translation>
    </message>
    <message>
        <source>--oauth2 must be google, microsoft or custom, not &quot;%1&quot;.</source>
        <translation>--oauth2 必须是 google、microsoft 或 custom，而不是“%1”。</translation>
    </message>
    <message>
        <source>give the app&apos;s client id with --oauth2-client-id.</source>
        <translation>请使用 --oauth2-client-id 提供应用的客户端 ID。</translation>
    </message>
    <message>
        <source>%1 is not an https address (only 127.0.0.1 may use http).</source>
        <translation>%1 不是 https 地址（只有 127.0.0.1 可以使用 http）。</translation>
    </message>
    <message>
        <source>login needs exactly one account name.</source>
        <translation>login 需要且只需要一个账户名称。</translation>
    </message>
    <message>
        <source>account &quot;%1&quot; does not sign in with OAuth 2.0; add it with --oauth2.</source>
        <translation>账户“%1”不使用 OAuth 2.0 登录；请使用 --oauth2 添加。</translation>
    </message>
    <message>
        <source>--login-timeout must be a number of seconds up to 3600.</source>
        <translation>--login-timeout 必须是不超过 3600 的秒数。</translation>
    </message>
    <message>
        <source>Sign in with %1 in the browser that opened. If none did, open this address:</source>
        <translation>请在已打开的浏览器中登录 %1。如果没有打开浏览器，请打开此地址：</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in with %1:</source>
        <translation>请在浏览器中打开此地址以登录 %1：</translation>
    </message>
    <message>
        <source>Waiting for the browser to come back…</source>
        <translation>正在等待浏览器返回…</translation>
    </message>
    <message>
        <source>sendscope account: not signed in. %1</source>
        <translation>sendscope account：未登录。%1</translation>
    </message>
    <message>
        <source>The sign-in server answered: %1</source>
        <translation>登录服务器的回复：%1</translation>
    </message>
    <message>
        <source>sendscope account: the provider signed you in but gave no refresh token, so Sendscope could not send later without a browser. Check that the scope asks for offline access.</source>
        <translation>sendscope account：服务商已让您登录，但没有提供刷新令牌，因此 Sendscope 以后无法在没有浏览器的情况下发信。请检查权限范围是否包含离线访问（offline access）。</translation>
    </message>
    <message>
        <source>sendscope account: signed in, but the keychain could not keep the sign-in, so the account cannot send unattended.</source>
        <translation>sendscope account：已登录，但密钥环无法保存登录信息，因此该账户无法在无人值守时发信。</translation>
    </message>
    <message>
        <source>Signed in as %1. The sign-in is kept in the system keychain; nothing secret is in %2.</source>
        <translation>已作为 %1 登录。登录信息保存在系统密钥环中；%2 中没有任何机密信息。</translation>
    </message>
    <message>
        <source>Warning: you signed in as %1 but the account sends from %2. The provider may refuse or rewrite that From address unless %1 may send as %2.</source>
        <translation>警告：您以 %1 登录，但该账户使用 %2 发信。除非 %1 有权以 %2 的身份发信，否则服务商可能拒绝或改写该发件人地址。</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account — Sendscope</source>
        <translation>新建账户 — Sendscope</translation>
    </message>
    <message>
        <source>%1 — Account — Sendscope</source>
        <translation>%1 — 账户 — Sendscope</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>%1 有问题</translation>
    </message>
    <message>
        <source>Work, Personal, …</source>
        <translation>工作、个人、…</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>账户名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Your name, as recipients see it</source>
        <translation>您的姓名，即收件人看到的名称</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>Email &amp;address:</source>
        <translation>电子邮件地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Find settings for me</source>
        <translation>自动查找设置(&amp;F)</translation>
    </message>
    <message>
        <source>Look up the server from the address: the provider&apos;s autoconfig file, DNS, then asking the usual server names</source>
        <translation>根据地址查找服务器：依次查找邮件服务商的自动配置文件、查询 DNS，再尝试常用的服务器名称</translation>
    </message>
    <message>
        <source>Find settings for me</source>
        <translation>自动查找设置</translation>
    </message>
    <message>
        <source>optional: where replies should go</source>
        <translation>可选：回复应发送到的地址</translation>
    </message>
    <message>
        <source>&amp;Reply-To:</source>
        <translation>回复地址(&amp;R)：</translation>
    </message>
    <message>
        <source>optional: added below the text, after &quot;-- &quot;</source>
        <translation>可选：添加在正文下方，位于“-- ”之后</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>签名(&amp;G)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>回复地址</translation>
    </message>
    <message>
        <source>Other addresses this account may send as, chosen in the From field</source>
        <translation>此账户还可用于发信的其他地址，可在“发件人”字段中选择</translation>
    </message>
    <message>
        <source>Add identity</source>
        <translation>添加身份</translation>
    </message>
    <message>
        <source>Remove identity</source>
        <translation>删除身份</translation>
    </message>
    <message>
        <source>More &amp;identities:</source>
        <translation>更多身份(&amp;I)：</translation>
    </message>
    <message>
        <source>More identities</source>
        <translation>更多身份</translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（端口 587）</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS（端口 465）</translation>
    </message>
    <message>
        <source>None — not encrypted (port 25)</source>
        <translation>无 — 不加密（端口 25）</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>安全(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Automatic (strongest offered)</source>
        <translation>自动（使用服务器支持的最强方式）</translation>
    </message>
    <message>
        <source>OAuth2 token</source>
        <translation>OAuth2 令牌</translation>
    </message>
    <message>
        <source>None (no login)</source>
        <translation>无（不登录）</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Only for a server on a network you trust completely.</source>
        <translation>仅适用于位于您完全信任的网络中的服务器。</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connect, start TLS, log in and disconnect, without sending mail</source>
        <translation>连接、启动 TLS、登录，然后断开连接，不发送邮件</translation>
    </message>
    <message>
        <source>stored in the system keychain; type to replace</source>
        <translation>已保存在系统密钥环中；输入新内容即可替换</translation>
    </message>
    <message>
        <source>Paste the OAuth2 access token.</source>
        <translation>请粘贴 OAuth2 访问令牌。</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Looking for the settings of %1…</source>
        <translation>正在查找 %1 的设置…</translation>
    </message>
    <message>
        <source>No outgoing server was found from the address alone. Ask the provider for its SMTP server name, port and security.</source>
        <translation>仅凭地址未能找到发件服务器。请向邮件服务商询问其 SMTP 服务器名称、端口和安全设置。</translation>
    </message>
    <message>
        <source>Proposed: %1 port %2.</source>
        <translation>建议：%1，端口 %2。</translation>
    </message>
    <message>
        <source>Enter the password and use Test connection to check.</source>
        <translation>请输入密码，然后使用“测试连接”进行检查。</translation>
    </message>
    <message>
        <source>Enter the password first.</source>
        <translation>请先输入密码。</translation>
    </message>
    <message>
        <source>Testing %1 port %2…</source>
        <translation>正在测试 %1，端口 %2…</translation>
    </message>
    <message>
        <source>the connection is encrypted</source>
        <translation>连接已加密</translation>
    </message>
    <message>
        <source>the connection is NOT encrypted</source>
        <translation>连接未加密</translation>
    </message>
    <message>
        <source>logged in with %1</source>
        <translation>已使用 %1 登录</translation>
    </message>
    <message>
        <source>The settings work.</source>
        <translation>设置有效。</translation>
    </message>
    <message>
        <source>The server offers: %1</source>
        <translation>服务器支持：%1</translation>
    </message>
    <message>
        <source>Keychain not available</source>
        <translation>密钥环不可用</translation>
    </message>
    <message>
        <source>Save the account and ask for the password each time Sendscope starts?</source>
        <translation>是否保存账户，并在每次启动 Sendscope 时询问密码？</translation>
    </message>
    <message>
        <source>Check &amp;domain</source>
        <translation>检查域名(&amp;D)</translation>
    </message>
    <message>
        <source>Check the DNS records receivers look at before they accept mail from this address&apos;s domain: MX, SPF, DKIM, DMARC</source>
        <translation>检查收件方在接收此地址所在域名的邮件前会查看的 DNS 记录：MX、SPF、DKIM、DMARC</translation>
    </message>
    <message>
        <source>A server outside %1</source>
        <translation>%1 以外的服务器</translation>
    </message>
    <message>
        <source>Send your password to %1, which is not part of %2?

This server was named by an answer from DNS, which anyone on the way can forge. Say yes only if %2 tells you to use it.</source>
        <translation>要把您的密码发送到 %1 吗？它不属于 %2。

这个服务器是由 DNS 应答指定的，途中的任何人都可以伪造这种应答。只有当 %2 告诉您使用它时才选择是。</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>发送到 %1</translation>
    </message>
    <message>
        <source>Nothing was sent to %1.</source>
        <translation>没有向 %1 发送任何内容。</translation>
    </message>
    <message>
        <source>Another server</source>
        <translation>另一个服务器</translation>
    </message>
    <message>
        <source>Send the saved password to %1?

It was saved for %2. If the new server is not run by the same provider, type its password instead.</source>
        <translation>要把保存的密码发送到 %1 吗？

它是为 %2 保存的。如果新服务器不是由同一服务商运营，请改为输入它的密码。</translation>
    </message>
    <message>
        <source>Send the saved password</source>
        <translation>发送保存的密码</translation>
    </message>
    <message>
        <source>Type the password for %1.</source>
        <translation>请输入 %1 的密码。</translation>
    </message>
    <message>
        <source>Sign in in your web browser; Sendscope keeps the sign-in in the system keychain and never sees your password</source>
        <translation>在网页浏览器中登录；Sendscope 把登录保存在系统密钥环中，从不接触您的密码</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>取消登录</translation>
    </message>
    <message>
        <source>Use an app password instead</source>
        <translation>改用应用专用密码</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <source>Sign in with %1 first.</source>
        <translation>请先用 %1 登录。</translation>
    </message>
    <message>
        <source>Mail for %1 is handled by %2 (MX %3).</source>
        <translation>%1 的邮件由 %2 处理（MX %3）。</translation>
    </message>
    <message>
        <source>Sign in with %1 to send through %2.</source>
        <translation>用 %1 登录后即可通过 %2 发送。</translation>
    </message>
    <message>
        <source>Renewing the sign-in…</source>
        <translation>正在续期登录…</translation>
    </message>
    <message>
        <source>The sign-in could not be renewed.</source>
        <translation>无法续期登录。</translation>
    </message>
    <message>
        <source>%1 wants a sign-in here rather than a password: use Sign in with %1.</source>
        <translation>%1 在这里要求登录而不是密码：请使用“用 %1 登录”。</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>用 %1 登录</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Sendscope knows no sign-in for this address: use the password the provider gives you for mail programs.</source>
        <translation>Sendscope 不知道此地址的登录方式：请使用服务商为邮件程序提供的密码。</translation>
    </message>
    <message>
        <source>This account&apos;s sign-in has no client id.</source>
        <translation>此账户的登录没有客户端 ID。</translation>
    </message>
    <message>
        <source>Sign in with %1 in your web browser. Sendscope waits up to %2 minutes for it to come back.</source>
        <translation>请在网页浏览器中用 %1 登录。Sendscope 最多等待 %2 分钟。</translation>
    </message>
    <message>
        <source>No web browser could be opened. Open the sign-in page of %1 below in a browser yourself; Sendscope waits up to %2 minutes for it to come back.</source>
        <translation>无法打开网页浏览器。请自行在浏览器中打开下面 %1 的登录页面；Sendscope 最多等待 %2 分钟。</translation>
    </message>
    <message>
        <source>The sign-in page of %1</source>
        <translation>%1 的登录页面</translation>
    </message>
    <message>
        <source>Starting the sign-in with %1…</source>
        <translation>正在开始用 %1 登录…</translation>
    </message>
    <message>
        <source>The sign-in server answered: %1</source>
        <translation>登录服务器的回复：%1</translation>
    </message>
    <message>
        <source>signed in: kept in the system keychain</source>
        <translation>已登录：保存在系统密钥环中</translation>
    </message>
    <message>
        <source>Signed in as %1. The sign-in is kept in the system keychain; save the account to use it.</source>
        <translation>已以 %1 登录。登录保存在系统密钥环中；保存账户后即可使用。</translation>
    </message>
    <message>
        <source>Make an app password at %1 and enter it in the Password field.</source>
        <translation>请在 %1 生成应用专用密码，并填入“密码”栏。</translation>
    </message>
    <message>
        <source>your provider</source>
        <translation>您的服务商</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>您的姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>Aut&amp;hentication:</source>
        <translation>身份验证(&amp;H)：</translation>
    </message>
    <message>
        <source>Allow sending the password without en&amp;cryption</source>
        <translation>允许在不加密的情况下发送密码(&amp;C)</translation>
    </message>
    <message>
        <source>Request a de&amp;livery receipt (DSN) for new messages</source>
        <translation>新邮件默认请求送达回执（DSN）(&amp;L)</translation>
    </message>
    <message>
        <source>The server reports delivery, delay or failure to you, when it offers delivery receipts (DSN)</source>
        <translation>服务器提供送达回执（DSN）时，会向您报告邮件已投递、延迟或失败</translation>
    </message>
    <message>
        <source>Request a read receipt f&amp;or new messages</source>
        <translation>新邮件默认请求已读回执(&amp;O)</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail program may confirm when the message is opened, or not</source>
        <translation>收件人的邮件程序可能会在邮件被打开时确认，也可能不会</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>信任起始时间</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>已信任的证书</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Stop trusting the selected certificate; if the server still shows it, Sendscope asks again</source>
        <translation>不再信任所选证书；如果服务器仍出示该证书，Sendscope 会再次询问</translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation>已信任的证书：</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>The certificate is no longer trusted once the account is saved.</source>
        <translation>保存账户后，将不再信任该证书。</translation>
    </message>
</context>
<context>
    <name>AccountSignIn</name>
    <message>
        <source>The provider signed you in but gave no refresh token, so Sendscope could not send later without a browser. Check that the scope asks for offline access.</source>
        <translation>服务商让您登录了，但没有给出刷新令牌，因此 Sendscope 以后无法在没有浏览器的情况下发送。请检查权限范围是否请求了离线访问。</translation>
    </message>
    <message>
        <source>Signed in, but the keychain could not keep the sign-in, so the account cannot send unattended. %1</source>
        <translation>已登录，但密钥环无法保存登录，因此此账户无法在无人值守时发送。%1</translation>
    </message>
    <message>
        <source>You signed in as %1 but the account sends from %2. The provider may refuse or rewrite that From address unless %1 may send as %2.</source>
        <translation>您以 %1 登录，但此账户以 %2 作为发件人。除非 %1 有权以 %2 的名义发送，服务商可能拒绝或改写该发件人地址。</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation>已存在名为“%1”的账户。</translation>
    </message>
    <message>
        <source>The account settings could not be written to %1.</source>
        <translation>无法将账户设置写入 %1。</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>不存在该账户。</translation>
    </message>
</context>
<context>
    <name>AddressParser</name>
    <message>
        <source>the comment opened at position %1 is not closed</source>
        <translation>位置 %1 处开始的注释未闭合</translation>
    </message>
    <message>
        <source>the address literal at position %1 is not closed with ]</source>
        <translation>位置 %1 处的地址字面量未以 ] 闭合</translation>
    </message>
    <message>
        <source>the domain has an empty part at position %1</source>
        <translation>域名中位置 %1 处的部分为空</translation>
    </message>
    <message>
        <source>a domain part cannot start or end with a hyphen (position %1)</source>
        <translation>域名的各部分不能以连字符开头或结尾（位置 %1）</translation>
    </message>
    <message>
        <source>the domain part at position %1 is longer than 63 characters</source>
        <translation>位置 %1 处的域名部分超过 63 个字符</translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos; in the domain at position %2</source>
        <translation>域名中位置 %2 处有无效字符“%1”</translation>
    </message>
    <message>
        <source>the quoted name at position %1 is not closed</source>
        <translation>位置 %1 处的带引号名称未闭合</translation>
    </message>
    <message>
        <source>missing @ at position %1</source>
        <translation>位置 %1 处缺少 @</translation>
    </message>
    <message>
        <source>missing @ in &quot;%1&quot; (expected at position %2)</source>
        <translation>“%1”中缺少 @（应位于位置 %2）</translation>
    </message>
    <message>
        <source>nothing before the @ at position %1</source>
        <translation>位置 %1 处的 @ 之前没有内容</translation>
    </message>
    <message>
        <source>a dot at position %1 cannot start, end or double in the name before @</source>
        <translation>位置 %1 处的点号不能出现在 @ 之前名称的开头或结尾，也不能连续出现</translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos; at position %2</source>
        <translation>位置 %2 处有无效字符“%1”</translation>
    </message>
    <message>
        <source>the part before @ has more than 64 characters (position %1)</source>
        <translation>@ 之前的部分超过 64 个字符（位置 %1）</translation>
    </message>
    <message>
        <source>no domain after the @ at position %1</source>
        <translation>位置 %1 处的 @ 之后没有域名</translation>
    </message>
    <message>
        <source>the address at position %1 is longer than 254 characters</source>
        <translation>位置 %1 处的地址超过 254 个字符</translation>
    </message>
    <message>
        <source>the &lt; at position %1 has no matching &gt;</source>
        <translation>位置 %1 处的 &lt; 没有匹配的 &gt;</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after the address at position %2</source>
        <translation>位置 %2 处的地址之后出现了意外的“%1”</translation>
    </message>
    <message>
        <source>a space at position %1: put a name in front as Name &lt;address&gt;</source>
        <translation>位置 %1 处有空格：如需添加名称，请写成 Name &lt;address&gt; 的形式</translation>
    </message>
    <message>
        <source>an address is empty at position %1</source>
        <translation>位置 %1 处的地址为空</translation>
    </message>
    <message>
        <source>a line break or NUL at position %1</source>
        <translation>位置 %1 处有换行符或 NUL 字符</translation>
    </message>
    <message>
        <source>the quotation mark at position %1 is not closed</source>
        <translation>位置 %1 处的引号未闭合</translation>
    </message>
    <message>
        <source>no address given</source>
        <translation>未提供地址</translation>
    </message>
    <message>
        <source>only one address is allowed here</source>
        <translation>此处只允许填写一个地址</translation>
    </message>
</context>
<context>
    <name>BccStrippingDevice</name>
    <message>
        <source>The message cannot be read.</source>
        <translation>无法读取邮件。</translation>
    </message>
</context>
<context>
    <name>BounceExplainerDialog</name>
    <message>
        <source>Explain a bounce — Sendscope</source>
        <translation>解释退信 — Sendscope</translation>
    </message>
    <message>
        <source>Paste the server&apos;s reply or the whole bounce message, or open or drop an .eml file.</source>
        <translation>粘贴服务器的回复或整封退信，或者打开、拖入一个 .eml 文件。</translation>
    </message>
    <message>
        <source>Reply or bounce</source>
        <translation>回复或退信</translation>
    </message>
    <message>
        <source>550 5.1.1 &lt;someone@example.com&gt;: Recipient address rejected: User unknown</source>
        <translation>550 5.1.1 &lt;someone@example.com&gt;: Recipient address rejected: User unknown</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>解释(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Open .eml…</source>
        <translation>打开 .eml(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a bounce</source>
        <translation>打开退信</translation>
    </message>
    <message>
        <source>Messages (*.eml *.msg *.txt);;All files (*)</source>
        <translation>邮件 (*.eml *.msg *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No SMTP reply (like &quot;550 5.1.1 ...&quot;) and no bounce found in this text.</source>
        <translation>这段文字中没有找到 SMTP 回复（如“550 5.1.1 ...”），也没有找到退信。</translation>
    </message>
    <message>
        <source>1 failure found.</source>
        <translation>找到 1 处失败。</translation>
    </message>
    <message>
        <source>%1 failures found.</source>
        <translation>找到 %1 处失败。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>BulkSendWindow</name>
    <message>
        <source>Bulk send — Sendscope</source>
        <translation>群发 — Sendscope</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>1. Data</source>
        <translation>1. 数据</translation>
    </message>
    <message>
        <source>2. Message</source>
        <translation>2. 邮件</translation>
    </message>
    <message>
        <source>3. Checks</source>
        <translation>3. 检查</translation>
    </message>
    <message>
        <source>4. Preview</source>
        <translation>4. 预览</translation>
    </message>
    <message>
        <source>5. Send</source>
        <translation>5. 发送</translation>
    </message>
    <message>
        <source>Bac&amp;k</source>
        <translation>上一步(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the data file</source>
        <translation>选择数据文件</translation>
    </message>
    <message>
        <source>GB18030 (GBK)</source>
        <translation>GB18030（GBK）</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Bar |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <source>What Excel and WPS in China save a CSV file in, unless told UTF-8</source>
        <translation>中文版 Excel 和 WPS 保存 CSV 时默认使用的编码（除非选择了 UTF-8）</translation>
    </message>
    <message>
        <source>The first rows of the data</source>
        <translation>数据的前几行</translation>
    </message>
    <message>
        <source>Data &amp;file:</source>
        <translation>数据文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Address column:</source>
        <translation>地址列(&amp;A)：</translation>
    </message>
    <message>
        <source>payslips/{{工号}}.pdf — relative to the data file&apos;s folder; several separated by ;</source>
        <translation>payslips/{{工号}}.pdf — 相对于数据文件所在文件夹；多个用 ; 分隔</translation>
    </message>
    <message>
        <source>no pacing</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>&amp;Insert field</source>
        <translation>插入字段(&amp;I)</translation>
    </message>
    <message>
        <source>Puts {{column}} where the cursor is: each row&apos;s value replaces it</source>
        <translation>在光标处插入 {{列名}}：发送时替换为每一行的值</translation>
    </message>
    <message>
        <source>&amp;Load from the compose window</source>
        <translation>从撰写窗口载入(&amp;L)</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>发件人(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>抄送(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>密送(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S)：</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>正文(&amp;X)：</translation>
    </message>
    <message>
        <source>Attachments per ro&amp;w:</source>
        <translation>每行的附件(&amp;W)：</translation>
    </message>
    <message>
        <source>Messages per min&amp;ute:</source>
        <translation>每分钟封数(&amp;U)：</translation>
    </message>
    <message>
        <source>Problems and warnings</source>
        <translation>问题和警告</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>重新检查(&amp;G)</translation>
    </message>
    <message>
        <source>The row&apos;s message as it will be sent</source>
        <translation>该行将要发出的邮件</translation>
    </message>
    <message>
        <source>Send a test to m&amp;yself</source>
        <translation>发测试邮件给自己(&amp;Y)</translation>
    </message>
    <message>
        <source>This row&apos;s message to your own address, with [TEST] before the subject</source>
        <translation>把该行的邮件发到你自己的地址，主题前加 [TEST]</translation>
    </message>
    <message>
        <source>&amp;Row:</source>
        <translation>行(&amp;R)：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Server reply</source>
        <translation>服务器回复</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Rows and their state</source>
        <translation>各行及其状态</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Stops after the message in flight; Start later resumes</source>
        <translation>在正在发送的邮件完成后停止；之后点“开始”即可继续</translation>
    </message>
    <message>
        <source>Re&amp;try refused and deferred</source>
        <translation>重试被拒和推迟的行(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xport report…</source>
        <translation>导出报告(&amp;X)…</translation>
    </message>
    <message>
        <source>Rows: %1, columns: %2, encoding: %3.</source>
        <translation>行数：%1，列数：%2，编码：%3。</translation>
    </message>
    <message>
        <source>Choose a data file first (step 1).</source>
        <translation>请先选择数据文件（第 1 步）。</translation>
    </message>
    <message>
        <source>Choose who the messages are from (step 2); add an account in the compose window&apos;s Account menu.</source>
        <translation>请选择发件人（第 2 步）；可在撰写窗口的“账户”菜单中添加账户。</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message>
        <source>Nothing can be sent yet.</source>
        <translation>目前还不能发送。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>The messages have no subject.</source>
        <translation>邮件没有主题。</translation>
    </message>
    <message>
        <source>%1 messages to %2 distinct addresses, %3.</source>
        <translation>%1 封邮件，发往 %2 个不同地址，共 %3。</translation>
    </message>
    <message>
        <source>Nothing is sent until the problems marked below are fixed.</source>
        <translation>在修正下面标出的问题之前不会发送任何邮件。</translation>
    </message>
    <message>
        <source>This data file was sent from before (journal %1): Start resumes that run, and rows already accepted are not sent again.</source>
        <translation>此数据文件以前发送过（日志 %1）：点“开始”将继续那次发送，已被接受的行不会再发。</translation>
    </message>
    <message>
        <source>Row %1 cannot be sent: %2</source>
        <translation>第 %1 行无法发送：%2</translation>
    </message>
    <message>
        <source>Reply-To: %1</source>
        <translation>回复至：%1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>收件人：%1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>抄送：%1</translation>
    </message>
    <message>
        <source>Bcc: %1</source>
        <translation>密送：%1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>Attachment: %1 (%2)</source>
        <translation>附件：%1（%2）</translation>
    </message>
    <message>
        <source>The test was not sent: %1</source>
        <translation>测试邮件未发出：%1</translation>
    </message>
    <message>
        <source>Sending the test to %1…</source>
        <translation>正在把测试邮件发给 %1…</translation>
    </message>
    <message>
        <source>The test went to %1. The server said: %2</source>
        <translation>测试邮件已发给 %1。服务器回复：%2</translation>
    </message>
    <message>
        <source>The test was not sent: %1 %2</source>
        <translation>测试邮件未发出：%1 %2</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Sending row %1…</source>
        <translation>正在发送第 %1 行…</translation>
    </message>
    <message>
        <source>Waiting until %1; the server said: %2</source>
        <translation>等待到 %1；服务器回复：%2</translation>
    </message>
    <message>
        <source>Paused. Resume goes on with the next row.</source>
        <translation>已暂停。点“继续”从下一行接着发送。</translation>
    </message>
    <message>
        <source>A run of this data file was begun before; Start resumes it.</source>
        <translation>此数据文件以前已开始发送；点“开始”继续发送。</translation>
    </message>
    <message>
        <source>Ready. Messages to send: %1.</source>
        <translation>准备就绪。待发送邮件：%1 封。</translation>
    </message>
    <message>
        <source>Fix the problems in step 3 first.</source>
        <translation>请先修正第 3 步中的问题。</translation>
    </message>
    <message>
        <source>%1 of %2 accepted, %3 refused, %4 deferred, %5 in doubt.</source>
        <translation>%2 封中已接受 %1 封，被拒 %3 封，推迟 %4 封，不确定 %5 封。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Pausing after the message in flight…</source>
        <translation>正在发送的邮件完成后暂停…</translation>
    </message>
    <message>
        <source>Stopping after the message in flight…</source>
        <translation>正在发送的邮件完成后停止…</translation>
    </message>
    <message>
        <source>Sending the refused and deferred rows again…</source>
        <translation>正在重新发送被拒和推迟的行…</translation>
    </message>
    <message>
        <source>Stopped with rows still to send; Start resumes.</source>
        <translation>已停止，仍有待发送的行；点“开始”继续。</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>-report.csv</source>
        <translation>-报告.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>报告已写入 %1。</translation>
    </message>
    <message>
        <source>Stop the bulk send?</source>
        <translation>停止群发？</translation>
    </message>
    <message>
        <source>Messages are being sent. Stop after the message in flight and close? Opening the same data file again resumes the run; accepted rows are never sent twice.</source>
        <translation>正在发送邮件。要在正在发送的这封完成后停止并关闭吗？再次打开同一数据文件即可继续发送；已被接受的行绝不会发送两次。</translation>
    </message>
    <message>
        <source>No problems found: step 5 sends them.</source>
        <translation>没有发现问题：在第 5 步发送。</translation>
    </message>
    <message>
        <source>Send the rest as it is now?</source>
        <translation>按现在的内容发送其余的行？</translation>
    </message>
    <message>
        <source>The data, the message or the attachments changed since this run began. Rows already accepted are not sent again; the others would go as they are now. Go on?</source>
        <translation>自本次发送开始以来，数据、邮件或附件有了改动。已被接受的行不会再次发送；其余的行将按现在的内容发送。要继续吗？</translation>
    </message>
    <message>
        <source>A .csv file or an .xlsx workbook whose first row names the columns</source>
        <translation>第一行为列名的 .csv 文件或 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>表格 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The workbook&apos;s sheet whose rows are sent; its first non-empty row names the columns</source>
        <translation>要发送其各行的工作表；第一个非空行为列名</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>Servers count messages per minute and per day; the provider&apos;s limits are filled in for the account chosen</source>
        <translation>服务器会按分钟和按天统计发信量；已按所选账户的服务商限制填入</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Recipients in any 24 hours (To, Cc and Bcc each count); when they are used up the run waits until the quota frees</source>
        <translation>任意 24 小时内的收件人数（收件人、抄送和密送中的每个地址都计入）；用完后群发会等到配额释放</translation>
    </message>
    <message>
        <source>Recipients per &amp;day:</source>
        <translation>每天收件人数(&amp;D)：</translation>
    </message>
    <message>
        <source>Rows: %1, columns: %2, sheet: %3.</source>
        <translation>行数：%1，列数：%2，工作表：%3。</translation>
    </message>
    <message>
        <source>Limits for %1 (editable)</source>
        <translation>%1 的限制（可修改）</translation>
    </message>
    <message>
        <source>Daily quota used up: continues %1.</source>
        <translation>每日配额已用完：将于%1继续。</translation>
    </message>
    <message>
        <source>Waiting for the daily quota of %1 recipients to free.</source>
        <translation>等待每日 %1 个收件人的配额释放。</translation>
    </message>
    <message>
        <source>&amp;Mark as delivered</source>
        <translation>标记为已送达(&amp;M)</translation>
    </message>
    <message>
        <source>You found it in the recipient&apos;s mailbox or the server&apos;s log: it is counted as accepted and never sent</source>
        <translation>您在收件人的邮箱或服务器日志中找到了它：记为已接受，不再发送</translation>
    </message>
    <message>
        <source>Send a&amp;gain…</source>
        <translation>再次发送(&amp;G)…</translation>
    </message>
    <message>
        <source>It did not arrive: the next run sends it, with the same Message-ID</source>
        <translation>它没有送达：下一次运行会发送它，沿用同一个 Message-ID</translation>
    </message>
    <message>
        <source>1 row may have been delivered: Sendscope stopped after its message had left and before the server answered. Check the recipient&apos;s mailbox or the server&apos;s log, then choose for the selected row. Start never sends it by itself.</source>
        <translation>1 行可能已经送达：Sendscope 在邮件发出之后、服务器回复之前停止了。请检查收件人的邮箱或服务器日志，然后为选中的行作出选择。“开始”不会自行发送它。</translation>
    </message>
    <message>
        <source>%1 rows may have been delivered: Sendscope stopped after their messages had left and before the server answered. Check the recipients&apos; mailboxes or the server&apos;s log, then choose for the selected rows. Start never sends them by itself.</source>
        <translation>%1 行可能已经送达：Sendscope 在这些邮件发出之后、服务器回复之前停止了。请检查收件人的邮箱或服务器日志，然后为选中的行作出选择。“开始”不会自行发送它们。</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>再次发送？</translation>
    </message>
    <message>
        <source>Send again to:
%1

Only if you found that it did not arrive. It goes with the same Message-ID as before, so the recipient&apos;s mail program may show it as a duplicate should the first one have arrived after all.</source>
        <translation>再次发送给：
%1

请仅在确认它没有送达时这样做。它沿用之前的同一个 Message-ID，因此如果第一封最终还是到达了，收件人的邮件程序可能会将其显示为重复邮件。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>再次发送</translation>
    </message>
    <message>
        <source>Marked as delivered; never sent again.</source>
        <translation>已标记为已送达；不会再次发送。</translation>
    </message>
    <message>
        <source>Start sends it again, with the same Message-ID.</source>
        <translation>“开始”会再次发送它，沿用同一个 Message-ID。</translation>
    </message>
    <message>
        <source>It goes again in this run, with the same Message-ID.</source>
        <translation>它将在本次运行中再次发送，沿用同一个 Message-ID。</translation>
    </message>
    <message>
        <source>%1 (hidden)</source>
        <translation>%1（隐藏）</translation>
    </message>
    <message>
        <source>Message text (rich)</source>
        <translation>邮件正文（富文本）</translation>
    </message>
    <message>
        <source>&amp;Rich text (adds an HTML version)</source>
        <translation>富文本（附带 HTML 版本）(&amp;R)</translation>
    </message>
    <message>
        <source>Bold, italic and underline (Ctrl+B, Ctrl+I, Ctrl+U) or pasted formatting; the same words go as plain text too, for programs that show no HTML</source>
        <translation>粗体、斜体和下划线（Ctrl+B、Ctrl+I、Ctrl+U）或粘贴的格式；同样的文字也会以纯文本发送，供不显示 HTML 的程序使用</translation>
    </message>
    <message>
        <source>With a formatted (HTML) version; below, its plain text alternative.</source>
        <translation>附带带格式的（HTML）版本；下面是它的纯文本版本。</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Ask for a read recei&amp;pt</source>
        <translation>请求已读回执(&amp;P)</translation>
    </message>
    <message>
        <source>Each recipient&apos;s mail program is asked to tell the From address when the message is opened; many do not, or ask the reader first</source>
        <translation>每位收件人的邮件程序会被请求在邮件被打开时告知发件人地址；许多程序不会这样做，或会先询问读者</translation>
    </message>
    <message>
        <source>Pri&amp;ority:</source>
        <translation>优先级(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Untrusted certificate — %1</source>
        <translation>不受信任的证书 — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 cannot be verified.&lt;/b&gt; Someone could be intercepting the connection. Nothing has been sent.</source>
        <translation>&lt;b&gt;无法验证 %1 的证书。&lt;/b&gt;可能有人正在拦截此连接。尚未发送任何内容。</translation>
    </message>
    <message>
        <source>Warning: this account trusts a different certificate for this server. A changed certificate is what an interception looks like; trust this one only if the server&apos;s administrator confirms the change.</source>
        <translation>警告：此账户为该服务器信任的是另一个证书。证书发生变化正是连接遭到拦截时的表现；只有在服务器管理员确认了此变更后，才应信任此证书。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <source>Issuer certificate %1</source>
        <translation>颁发者证书 %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>证书详细信息</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation>仅信任一次(&amp;O)</translation>
    </message>
    <message>
        <source>Trust &amp;always for this account</source>
        <translation>对此账户始终信任(&amp;A)</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>技术细节：%1</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>证书已过期。</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>证书已于 %1 过期。</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>证书尚未生效。</translation>
    </message>
    <message>
        <source>The certificate is not valid until %1. Check that this computer&apos;s clock is right.</source>
        <translation>证书要到 %1 才生效。请检查这台电脑的时钟是否正确。</translation>
    </message>
    <message>
        <source>The certificate is self-signed: the server vouches for itself, and no certificate authority this computer knows confirms it.</source>
        <translation>证书是自签名的：服务器为自己担保，没有这台电脑认识的证书颁发机构为它证明。</translation>
    </message>
    <message>
        <source>The certificate chain ends in a self-signed certificate that this computer does not trust (a private or company certificate authority).</source>
        <translation>证书链的末端是一个这台电脑不信任的自签名证书（私有或企业内部的证书颁发机构）。</translation>
    </message>
    <message>
        <source>The certificate was made for another server, not for %1.</source>
        <translation>证书是为其他服务器签发的，而不是为 %1。</translation>
    </message>
    <message>
        <source>The certificate was made for %1, not for %2.</source>
        <translation>证书是为 %1 签发的，而不是为 %2。</translation>
    </message>
    <message>
        <source>The certificate was issued by an authority this computer does not know.</source>
        <translation>证书由这台电脑不认识的颁发机构签发。</translation>
    </message>
    <message>
        <source>The certificate was issued by &quot;%1&quot;, an authority this computer does not know.</source>
        <translation>证书由“%1”签发，这台电脑不认识该颁发机构。</translation>
    </message>
    <message>
        <source>The certificate has been revoked by the authority that issued it.</source>
        <translation>证书已被其颁发机构吊销。</translation>
    </message>
    <message>
        <source>The certificate is not trusted for this purpose.</source>
        <translation>证书不被信任用于此用途。</translation>
    </message>
</context>
<context>
    <name>CheckDomainCommand</name>
    <message>
        <source>Check the DNS records receivers look at before they accept mail from a domain: MX, SPF, DMARC, DKIM at the usual selectors, MTA-STS and TLS-RPT, each with what Gmail, Yahoo, Microsoft and QQ do when it is missing. Exit status 0 when nothing is wrong, 15 when something will get mail refused, 10 when DNS could not be asked.</source>
        <translation>检查收件方在接收某域名的邮件前会查看的 DNS 记录：MX、SPF、DMARC、常用选择器上的 DKIM、MTA-STS 和 TLS-RPT，并说明缺少时 Gmail、Yahoo、微软和 QQ 会怎样处理。没有问题时退出状态为 0，有会导致邮件被拒的问题时为 15，无法查询 DNS 时为 10。</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <source>The domain you send from, e.g. example.com.</source>
        <translation>您发信所用的域名，例如 example.com。</translation>
    </message>
    <message>
        <source>Ask this DNS server (an IP address, port 53) instead of the system&apos;s.</source>
        <translation>向此 DNS 服务器（IP 地址，端口 53）查询，而不是系统默认的服务器。</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>sendscope check-domain: %1</source>
        <translation>sendscope check-domain: %1</translation>
    </message>
    <message>
        <source>sendscope check-domain: give one domain name, e.g. sendscope check-domain example.com.</source>
        <translation>sendscope check-domain: 请给出一个域名，例如 sendscope check-domain example.com。</translation>
    </message>
    <message>
        <source>sendscope check-domain: --nameserver needs an IP address.</source>
        <translation>sendscope check-domain: --nameserver 需要一个 IP 地址。</translation>
    </message>
</context>
<context>
    <name>CommandLineSecret</name>
    <message>
        <source>give only one of --password-env, --password-stdin or --token-env.</source>
        <translation>--password-env、--password-stdin 和 --token-env 只能指定其中一个。</translation>
    </message>
    <message>
        <source>the environment variable %1 is not set.</source>
        <translation>环境变量 %1 未设置。</translation>
    </message>
    <message>
        <source>cannot read standard input.</source>
        <translation>无法读取标准输入。</translation>
    </message>
    <message>
        <source>the secret on standard input is longer than %1 KiB.</source>
        <translation>标准输入中的密码超过 %1 KiB。</translation>
    </message>
</context>
<context>
    <name>ComposeDesk</name>
    <message>
        <source>Restored from drafts (saved %1).</source>
        <translation>已从草稿恢复（保存于 %1）。</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>The identity and account to send with</source>
        <translation>用于发信的身份和账户</translation>
    </message>
    <message>
        <source>name@example.com, Name &lt;name@example.com&gt;</source>
        <translation>name@example.com, Name &lt;name@example.com&gt;</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <source>Show the Bcc field: blind copies, never visible to the other recipients</source>
        <translation>显示“密送”字段：密送收件人对其他收件人始终不可见</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>抄送(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>密送(&amp;B)：</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <source>Message text (rich)</source>
        <translation>邮件正文（富文本）</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected attachment</source>
        <translation>移除所选附件</translation>
    </message>
    <message>
        <source>Sending status</source>
        <translation>发送状态</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>发送进度</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>发送（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Show &amp;what went wrong</source>
        <translation>显示出错原因(&amp;W)</translation>
    </message>
    <message>
        <source>Select the reply that caused the failure in the transcript</source>
        <translation>在会话记录中选中导致失败的响应</translation>
    </message>
    <message>
        <source>Paste files as attachments</source>
        <translation>粘贴文件作为附件</translation>
    </message>
    <message>
        <source>SMTP transcript</source>
        <translation>SMTP 会话记录</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>Cannot attach %1: the file cannot be read.</source>
        <translation>无法添加附件 %1：无法读取该文件。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>No subject</source>
        <translation>无主题</translation>
    </message>
    <message>
        <source>This message has no subject. Send it anyway?</source>
        <translation>此邮件没有主题。仍要发送吗？</translation>
    </message>
    <message>
        <source>Forgotten attachment?</source>
        <translation>忘记添加附件了？</translation>
    </message>
    <message>
        <source>The message mentions an attachment, but nothing is attached. Send it anyway?</source>
        <translation>邮件中提到了附件，但没有添加任何附件。仍要发送吗？</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>It may have been delivered; check before sending again.</source>
        <translation>邮件可能已经投递；再次发送前请先确认。</translation>
    </message>
    <message>
        <source>The message is still here: fix the problem and send again.</source>
        <translation>邮件仍保留在这里：请解决问题后重新发送。</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>The message is still being sent. Stop sending and close?</source>
        <translation>邮件仍在发送中。要停止发送并关闭吗？</translation>
    </message>
    <message>
        <source>Keep this message?</source>
        <translation>保留此邮件？</translation>
    </message>
    <message>
        <source>Keep this message in drafts, to finish it later?</source>
        <translation>要将此邮件保存到草稿，以便稍后继续编写吗？</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New message</source>
        <translation>新建邮件(&amp;N)</translation>
    </message>
    <message>
        <source>Save as .&amp;eml…</source>
        <translation>另存为 .eml(&amp;E)…</translation>
    </message>
    <message>
        <source>Copy as co&amp;mmand</source>
        <translation>复制为命令(&amp;M)</translation>
    </message>
    <message>
        <source>The same send as a &apos;sendscope send&apos; command line, without the password, to hand to an administrator</source>
        <translation>将这次发送复制为等效的“sendscope send”命令行（不含密码），便于交给管理员</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Rich text (adds an HTML version)</source>
        <translation>富文本（附带 HTML 版本）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>粗体(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>斜体(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>下划线(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>发件箱(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Sendscope</source>
        <translation>关于 Sendscope(&amp;A)</translation>
    </message>
    <message>
        <source>About Sendscope</source>
        <translation>关于 Sendscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sendscope %1&lt;/b&gt;&lt;br&gt;Compose mail and see the SMTP conversation.&lt;br&gt;&lt;br&gt;Qt %2 (built with %3)&lt;br&gt;TLS: %4 (built with %5)</source>
        <translation>&lt;b&gt;Sendscope %1&lt;/b&gt;&lt;br&gt;撰写邮件并查看 SMTP 会话。&lt;br&gt;&lt;br&gt;Qt %2（构建时版本 %3）&lt;br&gt;TLS：%4（构建时版本 %5）</translation>
    </message>
    <message>
        <source>Not sent yet: %1</source>
        <translation>尚未发送：%1</translation>
    </message>
    <message>
        <source>message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Save message as</source>
        <translation>邮件另存为</translation>
    </message>
    <message>
        <source>Email message (*.eml)</source>
        <translation>电子邮件 (*.eml)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>写入 %1 失败：%2</translation>
    </message>
    <message>
        <source>Saved the message as %1; any mail reader can open it.</source>
        <translation>邮件已保存为 %1，任何邮件阅读器都可以打开它。</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>新建账户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit this account…</source>
        <translation>编辑此账户(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove this account…</source>
        <translation>删除此账户(&amp;R)…</translation>
    </message>
    <message>
        <source>Sandbox re&amp;hearses STARTTLS and AUTH</source>
        <translation>沙盒演练 STARTTLS 和 AUTH(&amp;H)</translation>
    </message>
    <message>
        <source>The local sandbox then requires STARTTLS (with its own certificate, pinned in its account) and a login (user &quot;you&quot;, password &quot;sandbox&quot;)</source>
        <translation>启用后，本地沙盒将要求使用 STARTTLS（使用其自带的证书，已在沙盒账户中固定）并登录（用户名“you”，密码“sandbox”）</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>本地沙盒</translation>
    </message>
    <message>
        <source>The sandbox is built in: it listens on 127.0.0.1 port %1 and keeps every message on this computer. Add a real account with Account → New account.</source>
        <translation>沙盒是内置的：它监听 127.0.0.1 的端口 %1，所有邮件都保存在这台计算机上。要添加真实账户，请选择“账户 → 新建账户”。</translation>
    </message>
    <message>
        <source>&amp;Sandbox mailbox</source>
        <translation>沙盒邮箱(&amp;S)</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; and its password from the keychain? Messages are not affected.</source>
        <translation>要删除账户“%1”并从密钥环中删除其密码吗？邮件不受影响。</translation>
    </message>
    <message>
        <source>The account was kept: %1</source>
        <translation>账户未删除：%1</translation>
    </message>
    <message>
        <source>Removed the account &quot;%1&quot;.</source>
        <translation>已删除账户“%1”。</translation>
    </message>
    <message>
        <source>Copied the command line (without the password; the text goes in message.txt).</source>
        <translation>已复制命令行（不含密码；邮件正文放在 message.txt 中）。</translation>
    </message>
    <message>
        <source>The clipboard holds no files to attach. Copy files in a file manager, then paste.</source>
        <translation>剪贴板中没有可添加为附件的文件。请先在文件管理器中复制文件，然后再粘贴。</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>The new language takes effect the next time Sendscope starts.</source>
        <translation>新的语言将在下次启动 Sendscope 时生效。</translation>
    </message>
    <message>
        <source>E&amp;xplain a bounce…</source>
        <translation>解释退信(&amp;X)…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>&amp;Edit as new</source>
        <translation>作为新邮件编辑(&amp;E)</translation>
    </message>
    <message>
        <source>A copy of this message as a new one, with a Message-ID of its own</source>
        <translation>把这封邮件复制为一封新邮件，使用它自己的 Message-ID</translation>
    </message>
    <message>
        <source>Send to the refused recipients onl&amp;y…</source>
        <translation>仅发给被拒收的收件人(&amp;Y)…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>再次发送？</translation>
    </message>
    <message>
        <source>This message may already have been delivered: %1

Send it again anyway? Recipients who got it will get a second copy.</source>
        <translation>这封邮件可能已经投递：%1

仍要再次发送吗？已经收到的收件人会再收到一份。</translation>
    </message>
    <message>
        <source>It waits in the outbox and is not sent again unless you choose to.</source>
        <translation>它在发件箱中等待；除非您选择，否则不会再次发送。</translation>
    </message>
    <message>
        <source>Sent at %1 to 1 recipient.</source>
        <translation>已于 %1 发送给 1 位收件人。</translation>
    </message>
    <message>
        <source>Sent at %1 to %2 recipients.</source>
        <translation>已于 %1 发送给 %2 位收件人。</translation>
    </message>
    <message>
        <source>Kept in the sandbox mailbox on this computer, not delivered to anyone.</source>
        <translation>保存在本机的沙盒邮箱中，没有投递给任何人。</translation>
    </message>
    <message>
        <source>The server queued it as %1.</source>
        <translation>服务器已将其排队，队列编号 %1。</translation>
    </message>
    <message>
        <source>Already received by: %1.</source>
        <translation>已收到：%1。</translation>
    </message>
    <message>
        <source>Refused for: %1.</source>
        <translation>被拒收：%1。</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>已发送：%1</translation>
    </message>
    <message>
        <source>A copy of the sent message, as a new message. Nothing is sent until you press Send.</source>
        <translation>这是已发送邮件的副本，作为一封新邮件。在您按下“发送”之前不会发送任何内容。</translation>
    </message>
    <message>
        <source>A new message with the same content, only to the recipients who did not get it: %1. Correct their addresses if needed, then send.</source>
        <translation>内容相同的新邮件，只发给没有收到的收件人：%1。如有需要请更正他们的地址，然后发送。</translation>
    </message>
    <message>
        <source>&amp;Discard draft…</source>
        <translation>丢弃草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>The message is being sent; it cannot be discarded now.</source>
        <translation>邮件正在发送，现在不能丢弃。</translation>
    </message>
    <message>
        <source>Discard this message?</source>
        <translation>丢弃这封邮件？</translation>
    </message>
    <message>
        <source>It waits in the outbox. Discarding removes it from the outbox and from this window; it cannot be brought back.</source>
        <translation>它正在发件箱中等待。丢弃会将其从发件箱和此窗口中删除，且无法恢复。</translation>
    </message>
    <message>
        <source>The draft is deleted; it cannot be brought back.</source>
        <translation>草稿将被删除，且无法恢复。</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Discarded; removed from the outbox.</source>
        <translation>已丢弃；已从发件箱中删除。</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>已丢弃。</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>发件人(&amp;M)：</translation>
    </message>
    <message>
        <source>Sub&amp;ject:</source>
        <translation>主题(&amp;J)：</translation>
    </message>
    <message>
        <source>Sending with the Local sandbox: messages are kept on this computer and delivered to no one.</source>
        <translation>正在使用本地沙盒发送：邮件只保存在这台计算机上，不会投递给任何人。</translation>
    </message>
    <message>
        <source>Set up a real account…</source>
        <translation>设置真实账户…</translation>
    </message>
    <message>
        <source>Sent to the sandbox: kept in the sandbox mailbox, not delivered.</source>
        <translation>已发送到沙盒：保存在沙盒邮箱中，未投递。</translation>
    </message>
    <message>
        <source>Acco&amp;unt</source>
        <translation>账户(&amp;U)</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <source>Sign in with %1…</source>
        <translation>用 %1 登录…</translation>
    </message>
    <message>
        <source>New &amp;bulk send…</source>
        <translation>新建群发(&amp;B)…</translation>
    </message>
    <message>
        <source>No delivery receipt: this server does not offer delivery receipts (DSN).</source>
        <translation>没有送达回执：此服务器不提供送达回执（DSN）。</translation>
    </message>
    <message>
        <source>Delivery receipt requested: the server reports delivery, delay or failure to you.</source>
        <translation>已请求送达回执：服务器会向您报告邮件已投递、延迟或失败。</translation>
    </message>
    <message>
        <source>Read receipt requested: the recipient&apos;s mail program may send one, or not.</source>
        <translation>已请求已读回执：收件人的邮件程序可能会发送回执，也可能不会。</translation>
    </message>
    <message>
        <source>O&amp;ptions</source>
        <translation>选项(&amp;P)</translation>
    </message>
    <message>
        <source>The message is being sent; it is kept as it is sent.</source>
        <translation>邮件正在发送；将按发送时的内容保存。</translation>
    </message>
    <message>
        <source>Nothing to save yet: the message is empty.</source>
        <translation>还没有可保存的内容：邮件是空的。</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>草稿已于 %1 保存</translation>
    </message>
    <message>
        <source>Attach &amp;files…</source>
        <translation>添加附件(&amp;F)…</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attach files to this message</source>
        <translation>为此邮件添加附件</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Keep this message in drafts now (Ctrl+S); it is also saved as you write</source>
        <translation>立即将此邮件保存到草稿（Ctrl+S）；撰写时也会自动保存</translation>
    </message>
    <message>
        <source>&amp;Delivery receipt (DSN)</source>
        <translation>送达回执（DSN）(&amp;D)</translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation>送达回执</translation>
    </message>
    <message>
        <source>&amp;Read receipt</source>
        <translation>已读回执(&amp;R)</translation>
    </message>
    <message>
        <source>Read receipt</source>
        <translation>已读回执</translation>
    </message>
    <message>
        <source>Ask the recipient&apos;s mail program to confirm when the message is opened (Disposition-Notification-To). Many ask the recipient first; some never send one.</source>
        <translation>请求收件人的邮件程序在邮件被打开时确认（Disposition-Notification-To）。许多程序会先询问收件人；有些从不发送回执。</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;High</source>
        <translation>高(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>普通(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Low</source>
        <translation>低(&amp;L)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>高优先级</translation>
    </message>
    <message>
        <source>Normal priority</source>
        <translation>普通优先级</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>低优先级</translation>
    </message>
    <message>
        <source>Priority of this message, as the recipient&apos;s mail program shows it (X-Priority and Importance; nothing is written for normal)</source>
        <translation>此邮件的优先级，由收件人的邮件程序显示（X-Priority 和 Importance；普通优先级不写入任何邮件头）</translation>
    </message>
    <message>
        <source>This server does not offer delivery receipts (DSN): it did not announce DSN when Sendscope last connected to it.</source>
        <translation>此服务器不提供送达回执（DSN）：Sendscope 上次连接时，它没有声明 DSN。</translation>
    </message>
    <message>
        <source>Ask the server to report to you when this message is delivered, delayed or fails (DSN). This server offers delivery receipts.</source>
        <translation>请求服务器在此邮件投递成功、延迟或失败时通知您（DSN）。此服务器提供送达回执。</translation>
    </message>
    <message>
        <source>Ask the server to report to you when this message is delivered, delayed or fails (DSN). Whether this server offers it is known after the first send; the transcript says.</source>
        <translation>请求服务器在此邮件投递成功、延迟或失败时通知您（DSN）。此服务器是否提供，要在第一次发送后才知道；会话记录中会说明。</translation>
    </message>
    <message>
        <source>Enter password again…</source>
        <translation>重新输入密码…</translation>
    </message>
    <message>
        <source>Edit account…</source>
        <translation>编辑账户…</translation>
    </message>
    <message>
        <source>The server refused the password for %1 on %2. Enter the password again:</source>
        <translation>服务器 %2 拒绝了 %1 的密码。请重新输入密码：</translation>
    </message>
    <message>
        <source>Saving the password…</source>
        <translation>正在保存密码…</translation>
    </message>
</context>
<context>
    <name>DomainCheck</name>
    <message>
        <source>The MX records of %1 could not be looked up.</source>
        <translation>无法查询 %1 的 MX 记录。</translation>
    </message>
    <message>
        <source>The DNS server did not answer or failed; the other results may be incomplete too.</source>
        <translation>DNS 服务器没有应答或查询失败；其他结果可能也不完整。</translation>
    </message>
    <message>
        <source>%1 has no MX record.</source>
        <translation>%1 没有 MX 记录。</translation>
    </message>
    <message>
        <source>Replies and bounces to this domain have nowhere to go. Many receivers, QQ and NetEase among them, refuse or mark as spam mail from a domain that cannot receive mail.</source>
        <translation>发往此域名的回复和退信无处投递。许多收件方（包括 QQ 和网易）会拒收或将无法收信的域名发出的邮件标为垃圾邮件。</translation>
    </message>
    <message>
        <source>%1 declares that it receives no mail (null MX).</source>
        <translation>%1 声明自己不接收邮件（空 MX）。</translation>
    </message>
    <message>
        <source>Receivers may refuse mail from it: a sender that cannot be answered looks like spam.</source>
        <translation>收件方可能拒收它发出的邮件：无法回复的发件人看起来像垃圾邮件。</translation>
    </message>
    <message>
        <source>MX: %1</source>
        <translation>MX：%1</translation>
    </message>
    <message>
        <source>Mail to this domain has a server to go to.</source>
        <translation>发往此域名的邮件有服务器可以投递。</translation>
    </message>
    <message>
        <source>Gmail and Yahoo refuse mail that passes neither SPF nor DKIM (Gmail: 550 5.7.26, Yahoo: 550 5.7.9); Microsoft&apos;s Outlook.com requires SPF, DKIM and DMARC of bulk senders (550 5.7.515); QQ and NetEase put such mail in spam or refuse it (NetEase: MI:SPF).</source>
        <translation>Gmail 和 Yahoo 会拒收 SPF 和 DKIM 都未通过的邮件（Gmail：550 5.7.26，Yahoo：550 5.7.9）；微软 Outlook.com 要求大批量发件人具备 SPF、DKIM 和 DMARC（550 5.7.515）；QQ 和网易会将此类邮件放入垃圾箱或拒收（网易：MI:SPF）。</translation>
    </message>
    <message>
        <source>The SPF record could not be looked up.</source>
        <translation>无法查询 SPF 记录。</translation>
    </message>
    <message>
        <source>The DNS server did not answer or failed (%1).</source>
        <translation>DNS 服务器没有应答或查询失败（%1）。</translation>
    </message>
    <message>
        <source>No SPF record.</source>
        <translation>没有 SPF 记录。</translation>
    </message>
    <message>
        <source>%1 SPF records: there must be exactly one.</source>
        <translation>有 %1 条 SPF 记录：必须恰好只有一条。</translation>
    </message>
    <message>
        <source>With more than one, SPF fails with a permanent error for every message (RFC 7208 section 4.5), as if there were none. Merge them into one record. %1</source>
        <translation>多于一条时，每封邮件的 SPF 都会以永久错误失败（RFC 7208 第 4.5 节），等同于没有记录。请合并为一条。%1</translation>
    </message>
    <message>
        <source>The SPF record has a syntax error: %1</source>
        <translation>SPF 记录有语法错误：%1</translation>
    </message>
    <message>
        <source>Receivers treat a record they cannot parse as a permanent error: SPF fails for every message. %1</source>
        <translation>收件方把无法解析的记录视为永久错误：每封邮件的 SPF 都会失败。%1</translation>
    </message>
    <message>
        <source>The SPF record needs %1 DNS lookups; the limit is 10.</source>
        <translation>SPF 记录需要 %1 次 DNS 查询；上限是 10 次。</translation>
    </message>
    <message>
        <source>Past 10 lookups (include, a, mx, ptr, exists, redirect, counted through every include) receivers stop with a permanent error and SPF fails for every message. Remove includes of services you no longer use, or replace a and mx with ip4/ip6. %1</source>
        <translation>超过 10 次查询（include、a、mx、ptr、exists、redirect，逐层计入每个 include）后，收件方会以永久错误中止，每封邮件的 SPF 都会失败。请删除不再使用的服务的 include，或用 ip4/ip6 代替 a 和 mx。%1</translation>
    </message>
    <message>
        <source>The SPF record includes %1, which has no single SPF record.</source>
        <translation>SPF 记录 include 了 %1，而它没有唯一的一条 SPF 记录。</translation>
    </message>
    <message>
        <source>An include that does not resolve to exactly one SPF record is a permanent error: SPF fails for every message. Fix or remove the include. %1</source>
        <translation>include 的目标若不是恰好一条 SPF 记录，就是永久错误：每封邮件的 SPF 都会失败。请修正或删除该 include。%1</translation>
    </message>
    <message>
        <source>The SPF record ends in +all: anyone may send as %1.</source>
        <translation>SPF 记录以 +all 结尾：任何人都可以冒用 %1 发信。</translation>
    </message>
    <message>
        <source>This authorises every server on the Internet, so SPF proves nothing and receivers treat the domain as a spam source. End it with -all or ~all.</source>
        <translation>这等于授权互联网上的所有服务器，SPF 因此毫无意义，收件方会把该域名当作垃圾邮件来源。请以 -all 或 ~all 结尾。</translation>
    </message>
    <message>
        <source>SPF: one record, %1 DNS lookups, ends in %2.</source>
        <translation>SPF：一条记录，%1 次 DNS 查询，以 %2 结尾。</translation>
    </message>
    <message>
        <source>~all (soft fail) is fine together with DMARC; -all tells receivers to refuse other senders outright.</source>
        <translation>配合 DMARC 时使用 ~all（软失败）即可；-all 则要求收件方直接拒收其他发件服务器的邮件。</translation>
    </message>
    <message>
        <source>Receivers can tell your servers from others.</source>
        <translation>收件方能够区分您的服务器和其他服务器。</translation>
    </message>
    <message>
        <source>The SPF record does not end in -all or ~all.</source>
        <translation>SPF 记录没有以 -all 或 ~all 结尾。</translation>
    </message>
    <message>
        <source>Without them (&quot;?all&quot; or nothing) SPF is neutral for other senders: receivers learn nothing from it. End the record with ~all or -all.</source>
        <translation>没有它们时（“?all”或什么都没有），SPF 对其他发件服务器保持中立：收件方从中得不到任何信息。请以 ~all 或 -all 结尾。</translation>
    </message>
    <message>
        <source>Gmail and Yahoo require a DMARC record (p=none is enough) of everyone who sends them more than 5000 messages a day, and Microsoft&apos;s Outlook.com has done so since 2025; without it bulk mail is refused (Gmail 550 5.7.26). Everyone else gets no reports on who sends as the domain.</source>
        <translation>Gmail 和 Yahoo 要求每天向其发送超过 5000 封邮件的发件人具备 DMARC 记录（p=none 即可），微软 Outlook.com 自 2025 年起也这样要求；没有它，批量邮件会被拒收（Gmail 550 5.7.26）。其他发件人则收不到有谁在冒用该域名发信的报告。</translation>
    </message>
    <message>
        <source>The DMARC record could not be looked up.</source>
        <translation>无法查询 DMARC 记录。</translation>
    </message>
    <message>
        <source>No DMARC record at _dmarc.%1.</source>
        <translation>_dmarc.%1 没有 DMARC 记录。</translation>
    </message>
    <message>
        <source>Publish e.g. &quot;v=DMARC1; p=none; rua=mailto:dmarc@%1&quot; and tighten p later. %2</source>
        <translation>请发布例如“v=DMARC1; p=none; rua=mailto:dmarc@%1”的记录，之后再收紧 p。%2</translation>
    </message>
    <message>
        <source>%1 DMARC records: there must be exactly one.</source>
        <translation>有 %1 条 DMARC 记录：必须恰好只有一条。</translation>
    </message>
    <message>
        <source>Receivers ignore DMARC when there is more than one record (RFC 7489 section 6.6.3). %1</source>
        <translation>记录多于一条时，收件方会忽略 DMARC（RFC 7489 第 6.6.3 节）。%1</translation>
    </message>
    <message>
        <source>The DMARC record has no valid policy (p=none, quarantine or reject).</source>
        <translation>DMARC 记录没有有效的策略（p=none、quarantine 或 reject）。</translation>
    </message>
    <message>
        <source>A record without a valid p= tag is ignored, as if there were none. %1</source>
        <translation>没有有效 p= 标签的记录会被忽略，等同于没有记录。%1</translation>
    </message>
    <message>
        <source>p=none only asks for reports: receivers deliver mail that fails. It satisfies Gmail&apos;s and Yahoo&apos;s requirement; move to quarantine or reject once the reports show only your own servers.</source>
        <translation>p=none 只要求发送报告：收件方仍会投递未通过的邮件。它满足 Gmail 和 Yahoo 的要求；等报告显示只有您自己的服务器在发信时，再改为 quarantine 或 reject。</translation>
    </message>
    <message>
        <source>No rua= reporting address: you get no reports of who sends as this domain.</source>
        <translation>没有 rua= 报告地址：您收不到有谁在以此域名发信的报告。</translation>
    </message>
    <message>
        <source>Reports go to %1.</source>
        <translation>报告发送到 %1。</translation>
    </message>
    <message>
        <source>DMARC: policy %1.</source>
        <translation>DMARC：策略为 %1。</translation>
    </message>
    <message>
        <source>DKIM keys at: %1.</source>
        <translation>DKIM 密钥位于：%1。</translation>
    </message>
    <message>
        <source>Mail signed with these keys passes DKIM, which Gmail, Yahoo and Microsoft accept in place of SPF, and which survives forwarding.</source>
        <translation>用这些密钥签名的邮件可通过 DKIM；Gmail、Yahoo 和微软接受以 DKIM 代替 SPF，而且 DKIM 在转发后依然有效。</translation>
    </message>
    <message>
        <source>No DKIM key at the usual selectors (%1).</source>
        <translation>常用选择器（%1）上没有 DKIM 密钥。</translation>
    </message>
    <message>
        <source>If your provider signs with another selector this is fine: the s= tag of a DKIM-Signature header in a message you sent names it. Without DKIM, mail depends on SPF alone, which breaks when mail is forwarded; Gmail and Yahoo require DKIM of bulk senders, and Microsoft of Outlook.com&apos;s high-volume senders.</source>
        <translation>如果您的服务商使用其他选择器签名，则没有问题：您发出的邮件中 DKIM-Signature 信头的 s= 标签会写明它。没有 DKIM 时，邮件只能依靠 SPF，而 SPF 在转发后会失效；Gmail 和 Yahoo 要求批量发件人具备 DKIM，微软也要求 Outlook.com 的大批量发件人具备 DKIM。</translation>
    </message>
    <message>
        <source>Revoked DKIM keys (empty p=) at: %1.</source>
        <translation>已吊销的 DKIM 密钥（p= 为空）位于：%1。</translation>
    </message>
    <message>
        <source>Mail still signed with them fails DKIM.</source>
        <translation>仍用它们签名的邮件无法通过 DKIM。</translation>
    </message>
    <message>
        <source>MTA-STS is announced.</source>
        <translation>已声明 MTA-STS。</translation>
    </message>
    <message>
        <source>Gmail and Microsoft then deliver to you only over verified TLS. (The policy file at https://mta-sts.%1/.well-known/mta-sts.txt was not fetched.)</source>
        <translation>这样 Gmail 和微软只会通过经过验证的 TLS 向您投递。（未获取 https://mta-sts.%1/.well-known/mta-sts.txt 的策略文件。）</translation>
    </message>
    <message>
        <source>No MTA-STS.</source>
        <translation>没有 MTA-STS。</translation>
    </message>
    <message>
        <source>Optional. Without it, mail to you can be made to travel unencrypted by someone on the path; receivers do not hold its absence against your outgoing mail.</source>
        <translation>可选。没有它时，传输路径上的人可以迫使发给您的邮件以不加密方式传输；收件方不会因为缺少它而对您发出的邮件不利。</translation>
    </message>
    <message>
        <source>TLS-RPT reports go to %1.</source>
        <translation>TLS-RPT 报告发送到 %1。</translation>
    </message>
    <message>
        <source>Gmail and Microsoft send daily reports of TLS problems delivering to you.</source>
        <translation>Gmail 和微软会每天报告向您投递时遇到的 TLS 问题。</translation>
    </message>
    <message>
        <source>No TLS-RPT.</source>
        <translation>没有 TLS-RPT。</translation>
    </message>
    <message>
        <source>Optional. With &quot;v=TLSRPTv1; rua=mailto:...&quot; at _smtp._tls.%1 Gmail and Microsoft report TLS problems delivering to you.</source>
        <translation>可选。在 _smtp._tls.%1 发布“v=TLSRPTv1; rua=mailto:...”后，Gmail 和微软会报告向您投递时遇到的 TLS 问题。</translation>
    </message>
    <message>
        <source>Domain check for %1</source>
        <translation>域名检查：%1</translation>
    </message>
    <message>
        <source>[ok]</source>
        <translation>[正常]</translation>
    </message>
    <message>
        <source>[--]</source>
        <translation>[--]</translation>
    </message>
    <message>
        <source>[??]</source>
        <translation>[注意]</translation>
    </message>
    <message>
        <source>[!!]</source>
        <translation>[问题]</translation>
    </message>
    <message>
        <source>Record: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <source>Receivers are asked to refuse mail that fails SPF and DKIM alignment.</source>
        <translation>收件方会被要求拒收 SPF 和 DKIM 对齐均未通过的邮件。</translation>
    </message>
    <message>
        <source>Receivers are asked to put mail that fails SPF and DKIM alignment in spam.</source>
        <translation>收件方会被要求把 SPF 和 DKIM 对齐均未通过的邮件放入垃圾箱。</translation>
    </message>
    <message>
        <source>Publish one TXT record at %1 that lists the servers allowed to send for it, e.g. &quot;v=spf1 include:spf.your-provider.example -all&quot;. %2</source>
        <translation>请在 %1 发布一条 TXT 记录，列出允许以它发信的服务器，例如“v=spf1 include:spf.your-provider.example -all”。%2</translation>
    </message>
</context>
<context>
    <name>DomainCheckDialog</name>
    <message>
        <source>Domain check for %1 — Sendscope</source>
        <translation>域名检查：%1 — Sendscope</translation>
    </message>
    <message>
        <source>Domain check</source>
        <translation>域名检查</translation>
    </message>
    <message>
        <source>Looking up the DNS records of %1…</source>
        <translation>正在查询 %1 的 DNS 记录…</translation>
    </message>
</context>
<context>
    <name>DraftMessage</name>
    <message>
        <source>The From address of this identity is not valid: %1</source>
        <translation>此身份的发件人地址无效：%1</translation>
    </message>
    <message>
        <source>Choose who the message is from.</source>
        <translation>请选择发件人。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Add at least one recipient in To, Cc or Bcc.</source>
        <translation>请在收件人、抄送或密送中至少添加一位收件人。</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>Cannot create the drafts folder %1.</source>
        <translation>无法创建草稿文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot save the draft to %1: %2</source>
        <translation>无法将草稿保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>EnhancedStatusCode</name>
    <message>
        <source>Other undefined status</source>
        <translation>其他未定义状态</translation>
    </message>
    <message>
        <source>Other address status</source>
        <translation>其他地址状态</translation>
    </message>
    <message>
        <source>Bad destination mailbox address</source>
        <translation>目标邮箱地址错误</translation>
    </message>
    <message>
        <source>Bad destination system address</source>
        <translation>目标系统地址错误</translation>
    </message>
    <message>
        <source>Bad destination mailbox address syntax</source>
        <translation>目标邮箱地址语法错误</translation>
    </message>
    <message>
        <source>Destination mailbox address ambiguous</source>
        <translation>目标邮箱地址不明确</translation>
    </message>
    <message>
        <source>Destination address valid</source>
        <translation>目标地址有效</translation>
    </message>
    <message>
        <source>Destination mailbox has moved, no forwarding address</source>
        <translation>目标邮箱已迁移，且没有转发地址</translation>
    </message>
    <message>
        <source>Bad sender&apos;s mailbox address syntax</source>
        <translation>发件人邮箱地址语法错误</translation>
    </message>
    <message>
        <source>Bad sender&apos;s system address</source>
        <translation>发件人系统地址错误</translation>
    </message>
    <message>
        <source>Message relayed to non-compliant mailer</source>
        <translation>邮件已中继到不合规范的邮件程序</translation>
    </message>
    <message>
        <source>Recipient address has null MX</source>
        <translation>收件人地址的域名设置了空 MX 记录</translation>
    </message>
    <message>
        <source>Other or undefined mailbox status</source>
        <translation>其他或未定义的邮箱状态</translation>
    </message>
    <message>
        <source>Mailbox disabled, not accepting messages</source>
        <translation>邮箱已停用，不接收邮件</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>邮箱已满</translation>
    </message>
    <message>
        <source>Message length exceeds administrative limit</source>
        <translation>邮件长度超过管理限制</translation>
    </message>
    <message>
        <source>Mailing list expansion problem</source>
        <translation>邮件列表展开出错</translation>
    </message>
    <message>
        <source>Other or undefined mail system status</source>
        <translation>其他或未定义的邮件系统状态</translation>
    </message>
    <message>
        <source>Mail system full</source>
        <translation>邮件系统已满</translation>
    </message>
    <message>
        <source>System not accepting network messages</source>
        <translation>系统不接收网络邮件</translation>
    </message>
    <message>
        <source>System not capable of selected features</source>
        <translation>系统不支持所选功能</translation>
    </message>
    <message>
        <source>Message too big for system</source>
        <translation>邮件超出系统大小限制</translation>
    </message>
    <message>
        <source>System incorrectly configured</source>
        <translation>系统配置错误</translation>
    </message>
    <message>
        <source>Requested priority was changed</source>
        <translation>请求的优先级已被更改</translation>
    </message>
    <message>
        <source>Other or undefined network or routing status</source>
        <translation>其他或未定义的网络或路由状态</translation>
    </message>
    <message>
        <source>No answer from host</source>
        <translation>主机无应答</translation>
    </message>
    <message>
        <source>Bad connection</source>
        <translation>连接不良</translation>
    </message>
    <message>
        <source>Directory server failure</source>
        <translation>目录服务器故障</translation>
    </message>
    <message>
        <source>Unable to route</source>
        <translation>无法路由</translation>
    </message>
    <message>
        <source>Mail system congestion</source>
        <translation>邮件系统拥塞</translation>
    </message>
    <message>
        <source>Routing loop detected</source>
        <translation>检测到路由循环</translation>
    </message>
    <message>
        <source>Delivery time expired</source>
        <translation>投递时限已过</translation>
    </message>
    <message>
        <source>Other or undefined protocol status</source>
        <translation>其他或未定义的协议状态</translation>
    </message>
    <message>
        <source>Invalid command</source>
        <translation>无效命令</translation>
    </message>
    <message>
        <source>Syntax error</source>
        <translation>语法错误</translation>
    </message>
    <message>
        <source>Too many recipients</source>
        <translation>收件人过多</translation>
    </message>
    <message>
        <source>Invalid command arguments</source>
        <translation>无效的命令参数</translation>
    </message>
    <message>
        <source>Wrong protocol version</source>
        <translation>协议版本错误</translation>
    </message>
    <message>
        <source>Authentication exchange line is too long</source>
        <translation>身份验证交换行过长</translation>
    </message>
    <message>
        <source>Other or undefined media error</source>
        <translation>其他或未定义的媒体错误</translation>
    </message>
    <message>
        <source>Media not supported</source>
        <translation>不支持的媒体类型</translation>
    </message>
    <message>
        <source>Conversion required and prohibited</source>
        <translation>需要转换但被禁止</translation>
    </message>
    <message>
        <source>Conversion required but not supported</source>
        <translation>需要转换但不受支持</translation>
    </message>
    <message>
        <source>Conversion with loss performed</source>
        <translation>已执行有损转换</translation>
    </message>
    <message>
        <source>Conversion failed</source>
        <translation>转换失败</translation>
    </message>
    <message>
        <source>Message content not available</source>
        <translation>邮件内容不可用</translation>
    </message>
    <message>
        <source>Non-ASCII addresses not permitted for that sender/recipient</source>
        <translation>该发件人/收件人不允许使用非 ASCII 地址</translation>
    </message>
    <message>
        <source>UTF-8 string reply is required, but not permitted by the SMTP client</source>
        <translation>需要 UTF-8 字符串响应，但 SMTP 客户端不允许</translation>
    </message>
    <message>
        <source>UTF-8 header message cannot be transferred to one or more recipients</source>
        <translation>含 UTF-8 邮件头的邮件无法传送给一个或多个收件人</translation>
    </message>
    <message>
        <source>Other or undefined security status</source>
        <translation>其他或未定义的安全状态</translation>
    </message>
    <message>
        <source>Delivery not authorized, message refused</source>
        <translation>未获投递授权，邮件被拒绝</translation>
    </message>
    <message>
        <source>Mailing list expansion prohibited</source>
        <translation>禁止展开邮件列表</translation>
    </message>
    <message>
        <source>Security conversion required but not possible</source>
        <translation>需要安全转换，但无法进行</translation>
    </message>
    <message>
        <source>Security features not supported</source>
        <translation>不支持安全功能</translation>
    </message>
    <message>
        <source>Cryptographic failure</source>
        <translation>加密运算失败</translation>
    </message>
    <message>
        <source>Cryptographic algorithm not supported</source>
        <translation>不支持该加密算法</translation>
    </message>
    <message>
        <source>Message integrity failure</source>
        <translation>邮件完整性校验失败</translation>
    </message>
    <message>
        <source>Authentication credentials invalid</source>
        <translation>身份验证凭据无效</translation>
    </message>
    <message>
        <source>Authentication mechanism is too weak</source>
        <translation>身份验证机制强度过低</translation>
    </message>
    <message>
        <source>Encryption needed</source>
        <translation>需要加密</translation>
    </message>
    <message>
        <source>Encryption required for requested authentication mechanism</source>
        <translation>所请求的身份验证机制要求加密</translation>
    </message>
    <message>
        <source>A password transition is needed</source>
        <translation>需要进行密码迁移</translation>
    </message>
    <message>
        <source>User account disabled</source>
        <translation>用户账户已停用</translation>
    </message>
    <message>
        <source>Trust relationship required</source>
        <translation>需要信任关系</translation>
    </message>
    <message>
        <source>Priority level is too low</source>
        <translation>优先级过低</translation>
    </message>
    <message>
        <source>Message is too big for the specified priority</source>
        <translation>邮件超出指定优先级的大小限制</translation>
    </message>
    <message>
        <source>Mailbox owner has changed</source>
        <translation>邮箱所有者已变更</translation>
    </message>
    <message>
        <source>Domain owner has changed</source>
        <translation>域名所有者已变更</translation>
    </message>
    <message>
        <source>RRVS test cannot be completed</source>
        <translation>无法完成 RRVS 检查</translation>
    </message>
    <message>
        <source>No passing DKIM signature found</source>
        <translation>未找到通过验证的 DKIM 签名</translation>
    </message>
    <message>
        <source>No acceptable DKIM signature found</source>
        <translation>未找到可接受的 DKIM 签名</translation>
    </message>
    <message>
        <source>No valid author-matched DKIM signature found</source>
        <translation>未找到与作者匹配的有效 DKIM 签名</translation>
    </message>
    <message>
        <source>SPF validation failed</source>
        <translation>SPF 验证失败</translation>
    </message>
    <message>
        <source>SPF validation error</source>
        <translation>SPF 验证出错</translation>
    </message>
    <message>
        <source>Reverse DNS validation failed</source>
        <translation>反向 DNS 验证失败</translation>
    </message>
    <message>
        <source>Multiple authentication checks failed</source>
        <translation>多项身份验证检查失败</translation>
    </message>
    <message>
        <source>Sender address has null MX</source>
        <translation>发件人地址的域名设置了空 MX 记录</translation>
    </message>
    <message>
        <source>Mail flood detected</source>
        <translation>检测到邮件洪泛</translation>
    </message>
    <message>
        <source>ARC validation failure</source>
        <translation>ARC 验证失败</translation>
    </message>
    <message>
        <source>REQUIRETLS support required</source>
        <translation>需要支持 REQUIRETLS</translation>
    </message>
    <message>
        <source>Other or undefined status</source>
        <translation>其他或未定义状态</translation>
    </message>
    <message>
        <source>Addressing status</source>
        <translation>地址状态</translation>
    </message>
    <message>
        <source>Mailbox status</source>
        <translation>邮箱状态</translation>
    </message>
    <message>
        <source>Mail system status</source>
        <translation>邮件系统状态</translation>
    </message>
    <message>
        <source>Network and routing status</source>
        <translation>网络和路由状态</translation>
    </message>
    <message>
        <source>Mail delivery protocol status</source>
        <translation>邮件投递协议状态</translation>
    </message>
    <message>
        <source>Message content or media status</source>
        <translation>邮件内容或媒体状态</translation>
    </message>
    <message>
        <source>Security or policy status</source>
        <translation>安全或策略状态</translation>
    </message>
</context>
<context>
    <name>ExplainCommand</name>
    <message>
        <source>Explain why mail failed: paste the server&apos;s reply (one or more lines) or give a whole bounce message (.eml). For each failed recipient it prints what the server said, then what it means and what to do. The exit status is that of &apos;sendscope send&apos; for the first failure.</source>
        <translation>解释邮件为何发送失败：粘贴服务器的回复（一行或多行），或给出整封退信（.eml）。对每个失败的收件人，先列出服务器原话，再说明其含义和处理办法。退出状态与 &apos;sendscope send&apos; 对第一个失败的退出状态相同。</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <source>The reply or bounce; - or nothing for standard input.</source>
        <translation>回复或退信；用 - 或省略表示从标准输入读取。</translation>
    </message>
    <message>
        <source>sendscope explain: %1</source>
        <translation>sendscope explain: %1</translation>
    </message>
    <message>
        <source>sendscope explain: give one file, or none to read standard input.</source>
        <translation>sendscope explain: 请给出一个文件，或不给文件以读取标准输入。</translation>
    </message>
    <message>
        <source>sendscope explain: cannot read %1: %2</source>
        <translation>sendscope explain: 无法读取 %1：%2</translation>
    </message>
    <message>
        <source>sendscope explain: no SMTP reply (like &quot;550 5.1.1 ...&quot;) and no bounce found in the input.</source>
        <translation>sendscope explain: 输入中没有找到 SMTP 回复（如“550 5.1.1 ...”），也没有找到退信。</translation>
    </message>
    <message>
        <source>Delayed, still being retried: %1</source>
        <translation>已延迟，仍在重试：%1</translation>
    </message>
    <message>
        <source>Failed recipient: %1</source>
        <translation>失败的收件人：%1</translation>
    </message>
    <message>
        <source>Remote server: %1</source>
        <translation>对方服务器：%1</translation>
    </message>
    <message>
        <source>Reported by: %1</source>
        <translation>报告方：%1</translation>
    </message>
    <message>
        <source>Server said: &quot;%1&quot;</source>
        <translation>服务器原话：“%1”</translation>
    </message>
    <message>
        <source>Status %1: %2</source>
        <translation>状态 %1：%2</translation>
    </message>
    <message>
        <source>Sendscope: %1</source>
        <translation>Sendscope 的解读：%1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>建议：%1</translation>
    </message>
</context>
<context>
    <name>Localization</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>MailtoUri</name>
    <message>
        <source>&quot;%1&quot; is not a mailto: link.</source>
        <translation>“%1”不是 mailto: 链接。</translation>
    </message>
    <message>
        <source>The mailto: link&apos;s address is not valid UTF-8.</source>
        <translation>mailto: 链接中的地址不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>The mailto: link&apos;s &quot;%1&quot; field is not valid UTF-8.</source>
        <translation>mailto: 链接中的“%1”字段不是有效的 UTF-8。</translation>
    </message>
</context>
<context>
    <name>MergeCommand</name>
    <message>
        <source>sendscope merge: %1</source>
        <translation>sendscope merge：%1</translation>
    </message>
    <message>
        <source>Run &apos;sendscope merge --help&apos; for the options.</source>
        <translation>运行 &apos;sendscope merge --help&apos; 查看选项。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The data&apos;s encoding when detection is wrong: UTF-8 or GB18030.</source>
        <translation>自动识别出错时指定数据的编码：UTF-8 或 GB18030。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The data&apos;s field separator when sniffing is wrong: , ; tab or |.</source>
        <translation>自动判断出错时指定数据的分隔符：, ; tab 或 |。</translation>
    </message>
    <message>
        <source>C</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>The column with each row&apos;s address (default: a column named email, e-mail, mail, 邮箱 or 电子邮件). --to, --cc and --bcc take templates instead.</source>
        <translation>每行收件地址所在的列（默认：名为 email、e-mail、mail、邮箱或电子邮件的列）。--to、--cc 和 --bcc 则接受模板。</translation>
    </message>
    <message>
        <source>The column with each row&apos;s attachment path(s), separated by &apos;;&apos;, relative to the data file.</source>
        <translation>每行附件路径所在的列，多个路径用“;”分隔，相对于数据文件所在的文件夹。</translation>
    </message>
    <message>
        <source>Where the run is recorded row by row (default: next to the data file). The same command with the same journal resumes and never sends an accepted row again.</source>
        <translation>逐行记录本次发送的日志文件（默认：放在数据文件旁边）。使用同一日志再次运行同一命令会继续发送，已被接受的行绝不会再次发送。</translation>
    </message>
    <message>
        <source>Write the rows with their state, server reply, time and Message-ID to this CSV file.</source>
        <translation>把各行及其状态、服务器回复、时间和 Message-ID 写入此 CSV 文件。</translation>
    </message>
    <message>
        <source>N/min</source>
        <translation>N/分钟</translation>
    </message>
    <message>
        <source>At most N messages over one connection (default 100).</source>
        <translation>每个连接最多发送 N 封（默认 100）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Check the data and templates and print the summary; send nothing.</source>
        <translation>检查数据和模板并打印摘要；不发送任何邮件。</translation>
    </message>
    <message>
        <source>With --dry-run: print row N exactly as it would be sent.</source>
        <translation>与 --dry-run 一起使用：按实际发送的样子打印第 N 行的邮件。</translation>
    </message>
    <message>
        <source>Resume although the data, templates or attachments changed since the run began.</source>
        <translation>即使数据、模板或附件在开始发送后有改动，也继续发送。</translation>
    </message>
    <message>
        <source>--data FILE is required.</source>
        <translation>必须指定 --data 文件。</translation>
    </message>
    <message>
        <source>there is no column &quot;%1&quot;; the columns are: %2.</source>
        <translation>没有名为“%1”的列；现有的列为：%2。</translation>
    </message>
    <message>
        <source>say which column holds the addresses with --to-column; the columns are: %1.</source>
        <translation>请用 --to-column 指定收件地址所在的列；现有的列为：%1。</translation>
    </message>
    <message>
        <source>cannot read --%1 %2: %3</source>
        <translation>无法读取 --%1 %2：%3</translation>
    </message>
    <message>
        <source>--%1 %2 is not UTF-8 text.</source>
        <translation>--%1 %2 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>--body-file (or --html-file) is required.</source>
        <translation>必须指定 --body-file（或 --html-file）。</translation>
    </message>
    <message>
        <source>--from is required.</source>
        <translation>必须指定 --from。</translation>
    </message>
    <message>
        <source>--from: %1</source>
        <translation>--from：%1</translation>
    </message>
    <message>
        <source>--rate must be a number of messages a minute, such as 20/min.</source>
        <translation>--rate 必须是每分钟的邮件数，例如 20/min。</translation>
    </message>
    <message>
        <source>--max-per-connection must be a positive number.</source>
        <translation>--max-per-connection 必须是正数。</translation>
    </message>
    <message>
        <source>--preview must be a row number from 1 to %1.</source>
        <translation>--preview 必须是 1 到 %1 之间的行号。</translation>
    </message>
    <message>
        <source>row %1: warning: %2</source>
        <translation>第 %1 行：警告：%2</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>没有发送任何邮件。</translation>
    </message>
    <message>
        <source>%1 messages to %2 distinct addresses, %3 (encoding %4).</source>
        <translation>%1 封邮件，发往 %2 个不同地址，共 %3（编码 %4）。</translation>
    </message>
    <message>
        <source>Resuming: %1 rows were accepted before and are not sent again.</source>
        <translation>继续发送：之前已有 %1 行被接受，不会再次发送。</translation>
    </message>
    <message>
        <source>Dry run: nothing was sent.</source>
        <translation>试运行：没有发送任何邮件。</translation>
    </message>
    <message>
        <source>Waiting until %1 (the server said: %2)</source>
        <translation>等待到 %1（服务器原话：%2）</translation>
    </message>
    <message>
        <source>Accepted %1, refused %2, in doubt %3, still to send %4.</source>
        <translation>已接受 %1，被拒收 %2，不确定 %3，尚待发送 %4。</translation>
    </message>
    <message>
        <source>The rows: a .csv file (UTF-8, with or without BOM, or GB18030/GBK as Excel and WPS save it) or an .xlsx workbook (Excel, WPS, LibreOffice); the first row names the columns, which the templates use as {{column}} or {{column|default}}.</source>
        <translation>数据行：一个 .csv 文件（UTF-8，带或不带 BOM，或 Excel 和 WPS 保存的 GB18030/GBK）或一个 .xlsx 工作簿（Excel、WPS、LibreOffice）；第一行为列名，模板中以 {{列名}} 或 {{列名|默认值}} 引用。</translation>
    </message>
    <message>
        <source>With an .xlsx workbook: the sheet to read (default: the first). Its first non-empty row names the columns.</source>
        <translation>用于 .xlsx 工作簿：要读取的工作表（默认：第一个）。其第一个非空行为列名。</translation>
    </message>
    <message>
        <source>At most N messages a minute (default: the provider&apos;s pacing profile, chosen by the server and the sender&apos;s domain; 0: no pacing).</source>
        <translation>每分钟最多发送 N 封（默认：按服务器和发件人域名选定的服务商发送节奏；0 表示不限速）。</translation>
    </message>
    <message>
        <source>At most N recipients in any 24 hours (default: the provider&apos;s profile; 0: no daily quota). When it is used up the run stops and says when it can go on; the same command then continues.</source>
        <translation>任意 24 小时内最多 N 个收件人（默认：服务商的设定；0 表示无每日配额）。配额用完时任务停止并说明何时可以继续；届时再次运行同一命令即可继续。</translation>
    </message>
    <message>
        <source>At most N recipients in one message (default: the provider&apos;s profile); a row with more blocks the run before anything is sent.</source>
        <translation>每封邮件最多 N 个收件人（默认：服务商的设定）；超过的行会在发送任何邮件之前阻止任务。</translation>
    </message>
    <message>
        <source>When the daily quota is used up, wait until it frees instead of stopping.</source>
        <translation>每日配额用完时，等待配额释放，而不是停止。</translation>
    </message>
    <message>
        <source>--sheet is for .xlsx workbooks; %1 is not one.</source>
        <translation>--sheet 仅用于 .xlsx 工作簿；%1 不是工作簿。</translation>
    </message>
    <message>
        <source>--per-day must be a number of recipients (0: no daily quota).</source>
        <translation>--per-day 必须是收件人数量（0 表示无每日配额）。</translation>
    </message>
    <message>
        <source>--max-recipients must be a positive number.</source>
        <translation>--max-recipients 必须是正数。</translation>
    </message>
    <message>
        <source>%1 messages to %2 distinct addresses, %3 (sheet &quot;%4&quot;).</source>
        <translation>%1 封邮件，发往 %2 个不同地址，共 %3（工作表“%4”）。</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>每分钟 %1 封</translation>
    </message>
    <message>
        <source>no pacing</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>%1 recipients a day</source>
        <translation>每天 %1 个收件人</translation>
    </message>
    <message>
        <source>Pacing for %1: %2, at most %3 recipients a message (change with --rate, --per-day, --max-recipients).</source>
        <translation>%1 的发送节奏：%2，每封邮件最多 %3 个收件人（可用 --rate、--per-day、--max-recipients 更改）。</translation>
    </message>
    <message>
        <source>Waiting until %1: %2</source>
        <translation>等待至 %1：%2</translation>
    </message>
    <message>
        <source>Before the run (with --dry-run too): rows in doubt (the run stopped between a message&apos;s end of data and the server&apos;s reply) that you found delivered become accepted and are never sent. ROWS: 3, 3,7, 10-12 or unknown (every row in doubt).</source>
        <translation>在发送之前执行（--dry-run 时也执行）：对于不确定的行（运行在邮件数据结束之后、服务器回复之前停止），如果您确认已经送达，就记为已接受，永远不会再发送。ROWS：3、3,7、10-12 或 unknown（所有不确定的行）。</translation>
    </message>
    <message>
        <source>ROWS</source>
        <translation>ROWS</translation>
    </message>
    <message>
        <source>Before the run (with --dry-run too): rows in doubt that you found not delivered are sent again, with the same Message-ID so that a duplicate can be recognised. ROWS as for --mark-delivered.</source>
        <translation>在发送之前执行（--dry-run 时也执行）：对于不确定的行，如果您确认没有送达，就重新发送，并沿用同一个 Message-ID，以便识别重复的邮件。ROWS 的写法与 --mark-delivered 相同。</translation>
    </message>
    <message>
        <source>Send one personalised message per row of a table (mail merge, 群发), over one connection, at the server&apos;s pace, recorded in a journal so that no row is ever sent twice.
The message options (--subject, --body-file, --html-file, --to, --cc, --bcc, --attach) are templates with {{column}} fields.
A row whose message may have been delivered when Sendscope stopped (in doubt) is never sent again by itself: check the recipient&apos;s mailbox or the server&apos;s log, then decide with --mark-delivered or --resend.</source>
        <translation>为表格的每一行发送一封个性化邮件（邮件合并，群发）：通过一个连接、按服务器允许的速度发送，并记录在日志中，确保任何一行都不会发送两次。
邮件选项（--subject、--body-file、--html-file、--to、--cc、--bcc、--attach）是带有 {{列名}} 字段的模板。
如果 Sendscope 停止时某行的邮件可能已经送达（不确定），该行不会自动再次发送：请查看收件人的邮箱或服务器日志，然后用 --mark-delivered 或 --resend 作出决定。</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a row number; write rows as 3, 3,7, 10-12 or unknown.</source>
        <translation>--%1：“%2”不是行号；请写成 3、3,7、10-12 或 unknown。</translation>
    </message>
    <message>
        <source>--%1: the range %2 ends before it begins.</source>
        <translation>--%1：范围 %2 的结束行在起始行之前。</translation>
    </message>
    <message>
        <source>--%1: there is no row %2; the data has rows 1 to %3.</source>
        <translation>--%1：没有第 %2 行；数据只有第 1 至第 %3 行。</translation>
    </message>
    <message>
        <source>Nothing was changed and nothing was sent.</source>
        <translation>没有作任何更改，也没有发送任何邮件。</translation>
    </message>
    <message>
        <source>row %1: may have been delivered (%2); it is not sent again by itself. Check with %3 (Message-ID %4), then run the same command with --mark-delivered %1 or --resend %1.</source>
        <translation>第 %1 行：可能已经送达（%2），不会自动再次发送。请向 %3 确认（Message-ID %4），然后用同一条命令加上 --mark-delivered %1 或 --resend %1 再运行一次。</translation>
    </message>
    <message>
        <source>sendscope merge: row %1 is given to both --mark-delivered and --resend.</source>
        <translation>sendscope merge：第 %1 行同时出现在 --mark-delivered 和 --resend 中。</translation>
    </message>
    <message>
        <source>No row is in doubt.</source>
        <translation>没有不确定的行。</translation>
    </message>
    <message>
        <source>row %1: marked as delivered (%2, Message-ID %3); it is never sent.</source>
        <translation>第 %1 行：已标记为已送达（%2，Message-ID %3），不会再发送。</translation>
    </message>
    <message>
        <source>row %1: to be sent again (%2), with the same Message-ID %3.</source>
        <translation>第 %1 行：将重新发送（%2），沿用同一个 Message-ID %3。</translation>
    </message>
    <message>
        <source>a bulk send cannot ask for delivery status notifications yet; leave out --dsn.</source>
        <translation>群发暂时无法请求投递状态通知；请去掉 --dsn。</translation>
    </message>
</context>
<context>
    <name>MergeData</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 256 MB; split it into several runs.</source>
        <translation>%1 大于 256 MB；请拆分为多次发送。</translation>
    </message>
    <message>
        <source>Unknown encoding &quot;%1&quot;; use UTF-8 or GB18030.</source>
        <translation>未知编码“%1”；请使用 UTF-8 或 GB18030。</translation>
    </message>
    <message>
        <source>The file is not valid %1 text. Choose its encoding (UTF-8 or GB18030).</source>
        <translation>该文件不是有效的 %1 文本。请选择它的编码（UTF-8 或 GB18030）。</translation>
    </message>
    <message>
        <source>A quoted field is not closed (from line %1 on).</source>
        <translation>有一个带引号的字段没有闭合（从第 %1 行起）。</translation>
    </message>
    <message>
        <source>The file holds no rows.</source>
        <translation>文件中没有任何行。</translation>
    </message>
    <message>
        <source>Column %1 of the first row has no name; the first row must name every column.</source>
        <translation>第一行的第 %1 列没有名称；第一行必须为每一列命名。</translation>
    </message>
    <message>
        <source>The column name &quot;%1&quot; appears twice.</source>
        <translation>列名“%1”出现了两次。</translation>
    </message>
    <message>
        <source>Row %1 has %2 fields but the first row names %3 columns.</source>
        <translation>第 %1 行有 %2 个字段，但第一行只定义了 %3 列。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: .xls and .ods are not read; save it as .xlsx or as CSV (UTF-8 or GB18030) in Excel, WPS or LibreOffice and use that file.</source>
        <translation>%1：不支持读取 .xls 和 .ods；请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 或 CSV（UTF-8 或 GB18030）后使用该文件。</translation>
    </message>
    <message>
        <source>The cell %1 holds &quot;%2&quot;, but its column has no name in the header row %3. Name the column or clear the cell.</source>
        <translation>单元格 %1 的内容为“%2”，但其所在列在表头行 %3 中没有列名。请为该列命名或清空该单元格。</translation>
    </message>
</context>
<context>
    <name>MergeJournal</name>
    <message>
        <source>pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>已推迟</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>The journal cannot be written: %1</source>
        <translation>无法写入日志：%1</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt is missing (install libqt6sql6-sqlite).</source>
        <translation>缺少 Qt 的 SQLite 驱动（请安装 libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <source>Cannot open the journal %1: %2</source>
        <translation>无法打开日志 %1：%2</translation>
    </message>
    <message>
        <source>The run stopped after this message&apos;s end of data had been sent; it may have been delivered.</source>
        <translation>发送在这封邮件的数据结束标记发出后中断；它可能已经投递。</translation>
    </message>
    <message>
        <source>Row %1 is not in the journal.</source>
        <translation>日志中没有第 %1 行。</translation>
    </message>
    <message>
        <source>Row %1 is not in doubt (it is %2); only a row that may have been delivered can be marked as delivered or sent again.</source>
        <translation>第 %1 行并非不确定（它的状态是%2）；只有可能已经送达的行才能标记为已送达或重新发送。</translation>
    </message>
    <message>
        <source>Marked as delivered by the person at %1.</source>
        <translation>已由用户于 %1 标记为已送达。</translation>
    </message>
    <message>
        <source>Sent again at the person&apos;s request at %1, with the same Message-ID.</source>
        <translation>已由用户于 %1 要求重新发送，沿用同一个 Message-ID。</translation>
    </message>
</context>
<context>
    <name>MergeRun</name>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: %3</source>
        <translation>%1“%2”：%3</translation>
    </message>
    <message>
        <source>no recipient: the To field is empty in this row.</source>
        <translation>没有收件人：这一行的收件人字段为空。</translation>
    </message>
    <message>
        <source>%1 recipients in one message; the limit for this server is %2.</source>
        <translation>一封邮件有 %1 位收件人；此服务器的上限为 %2。</translation>
    </message>
    <message>
        <source>the attachment %1 does not exist or cannot be read.</source>
        <translation>附件 %1 不存在或无法读取。</translation>
    </message>
    <message>
        <source>The templates use fields the data does not have: %1. The columns are: %2.</source>
        <translation>模板使用了数据中没有的字段：%1。现有的列为：%2。</translation>
    </message>
    <message>
        <source>No recipient column: say which column holds the addresses.</source>
        <translation>没有收件人列：请指定收件地址所在的列。</translation>
    </message>
    <message>
        <source>%1 is also in row %2; it will get both messages.</source>
        <translation>%1 也在第 %2 行中；它会收到两封邮件。</translation>
    </message>
    <message>
        <source>The journal %1 belongs to a run with %2 rows, the data has %3. Use a new journal for different data.</source>
        <translation>日志 %1 属于一次有 %2 行的发送，而数据有 %3 行。不同的数据请使用新的日志。</translation>
    </message>
    <message>
        <source>The data, the templates or the attachments changed since this run began (journal %1). Rows already accepted are never sent again, but the others would now differ from what was sent. Check, then run again accepting the changes.</source>
        <translation>自本次发送开始以来，数据、模板或附件有了改动（日志 %1）。已被接受的行绝不会再次发送，但其余的行将与已发送的内容不同。请检查后，在接受改动的情况下再次运行。</translation>
    </message>
    <message>
        <source>Stopped at row %1: %2 %3 No further message was sent; resume the run once this is resolved.</source>
        <translation>在第 %1 行停止：%2 %3 没有再发送任何邮件；问题解决后请继续本次发送。</translation>
    </message>
    <message>
        <source>Cancelled. The rows not yet accepted are sent when the run is resumed.</source>
        <translation>已取消。尚未被接受的行会在继续发送时发出。</translation>
    </message>
    <message>
        <source>Stopped: %1 %2</source>
        <translation>已停止：%1 %2</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>server reply</source>
        <translation>服务器回复</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <source>the message is %1; the server takes at most %2.</source>
        <translation>邮件大小为 %1；服务器最多接受 %2。</translation>
    </message>
    <message>
        <source>%1 recipients in one message, more than the daily quota of %2 recipients.</source>
        <translation>一封邮件有 %1 个收件人，超过了每日 %2 个收件人的配额。</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>明天 %1</translation>
    </message>
    <message>
        <source>The daily quota of %1 recipients is used up (%2 in the last 24 hours). The run continues %3: run the same command again then.</source>
        <translation>每日 %1 个收件人的配额已用完（过去 24 小时内 %2 个）。任务可于%3继续：届时再次运行同一命令即可。</translation>
    </message>
    <message>
        <source>the daily quota of %1 recipients is used up; it frees %2.</source>
        <translation>每日 %1 个收件人的配额已用完；将于%2释放。</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>每分钟 %1 封</translation>
    </message>
    <message>
        <source>no pacing</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>%1 recipients a day</source>
        <translation>每天 %1 个收件人</translation>
    </message>
    <message>
        <source>%1 rows at %2: finishes about %3.</source>
        <translation>%1 行，按%2发送：预计约 %3 完成。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>1 row at %1: finishes about %2.</source>
        <translation>1 行，按%1发送：预计约 %2 完成。</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>处理决定</translation>
    </message>
</context>
<context>
    <name>MessageSource</name>
    <message>
        <source>The message cannot be read.</source>
        <translation>无法读取邮件。</translation>
    </message>
    <message>
        <source>The message must come from a file, not a pipe or stream.</source>
        <translation>邮件必须来自文件，不能来自管道或流。</translation>
    </message>
    <message>
        <source>Cannot open the message file %1: %2</source>
        <translation>无法打开邮件文件 %1：%2</translation>
    </message>
    <message>
        <source>The message cannot be read from the start.</source>
        <translation>无法从头读取邮件。</translation>
    </message>
    <message>
        <source>Reading the message failed: %1</source>
        <translation>读取邮件失败：%1</translation>
    </message>
</context>
<context>
    <name>MessageStream</name>
    <message>
        <source>The attachment %1 cannot be read any more: %2</source>
        <translation>无法再读取附件 %1：%2</translation>
    </message>
    <message>
        <source>The attachment %1 changed size after it was added (%2 bytes, now %3); attach it again.</source>
        <translation>附件 %1 在添加后大小发生了变化（原为 %2 字节，现为 %3）；请重新添加。</translation>
    </message>
    <message>
        <source>The attachment %1 changed or vanished while it was being sent.</source>
        <translation>附件 %1 在发送过程中被更改或已消失。</translation>
    </message>
</context>
<context>
    <name>MimeWriter</name>
    <message>
        <source>The message has no sender (From).</source>
        <translation>邮件没有发件人（From）。</translation>
    </message>
    <message>
        <source>The message has no recipients: add a To, Cc or Bcc address.</source>
        <translation>邮件没有收件人：请添加收件人、抄送或密送地址。</translation>
    </message>
    <message>
        <source>The %1 contains a line break or NUL character, which is not allowed in a header: &quot;%2&quot;</source>
        <translation>%1 包含换行符或 NUL 字符，邮件头中不允许出现这些字符：“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid message ID (expected &lt;id@host&gt;).</source>
        <translation>“%1”不是有效的邮件 ID（应为 &lt;id@host&gt; 格式）。</translation>
    </message>
    <message>
        <source>The attachment %1 cannot be read: %2</source>
        <translation>无法读取附件 %1：%2</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限被拒绝</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>The attachment %1 changed since it was added (%2 bytes, now %3); attach it again.</source>
        <translation>附件 %1 在添加后已被更改（原为 %2 字节，现为 %3）；请重新添加。</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>User-Agent field</source>
        <translation>User-Agent 字段</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>attachment name</source>
        <translation>附件名</translation>
    </message>
</context>
<context>
    <name>OAuthProvider</name>
    <message>
        <source>%1 does not take your account password here: enter its %2 instead (%3).</source>
        <translation>%1 在这里不接受您的账户密码：请改为输入它的%2（%3）。</translation>
    </message>
    <message>
        <source>Sign-in with %1 is not set up in this build of Sendscope: it has no client id for %1 (see README, &quot;OAuth accounts&quot;). Use an app password instead (%2), or ask your administrator for an organisation settings file with a client id.</source>
        <translation>此版本的 Sendscope 未设置 %1 登录：没有 %1 的客户端 ID（参见 README 的“OAuth accounts”一节）。请改用应用专用密码（%2），或向管理员索取包含客户端 ID 的组织设置文件。</translation>
    </message>
</context>
<context>
    <name>OAuthSignIn</name>
    <message>
        <source>Nobody came back from the browser within %1 minutes, so the sign-in was stopped. Try again.</source>
        <translation>%1 分钟内浏览器没有返回，因此登录已停止。请重试。</translation>
    </message>
    <message>
        <source>Sign-in is not configured: the authorization address, token address and client id are all needed.</source>
        <translation>登录未配置：需要授权地址、令牌地址和客户端 ID。</translation>
    </message>
    <message>
        <source>%1 is not an https address; Sendscope signs in only over encrypted connections.</source>
        <translation>%1 不是 https 地址；Sendscope 只通过加密连接登录。</translation>
    </message>
    <message>
        <source>Sendscope could not listen on 127.0.0.1 for the browser&apos;s answer: %1</source>
        <translation>Sendscope 无法在 127.0.0.1 上监听浏览器的回复：%1</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>登录已取消。</translation>
    </message>
    <message>
        <source>Not understood</source>
        <translation>无法理解</translation>
    </message>
    <message>
        <source>Sendscope expected the sign-in answer here.</source>
        <translation>Sendscope 在这里等待的是登录回复。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>This is not the sign-in answer Sendscope waits for.</source>
        <translation>这不是 Sendscope 正在等待的登录回复。</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>This answer did not come from the sign-in Sendscope started. Nothing was changed; go back to Sendscope and try again.</source>
        <translation>此回复并非来自 Sendscope 发起的登录。没有任何更改；请返回 Sendscope 重试。</translation>
    </message>
    <message>
        <source>The browser came back with an answer that does not belong to this sign-in (its state did not match), so it was ignored: it may have been forged. Try again.</source>
        <translation>浏览器返回的回复不属于本次登录（state 不匹配），因此已被忽略：它可能是伪造的。请重试。</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>The sign-in did not complete. You can close this tab.</source>
        <translation>登录没有完成。您可以关闭此标签页。</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Sendscope has what it needs. You can close this tab.</source>
        <translation>Sendscope 已获得所需信息。您可以关闭此标签页。</translation>
    </message>
</context>
<context>
    <name>OAuthTokenClient</name>
    <message>
        <source>Your organisation requires multi-factor authentication: sign in again and complete it.</source>
        <translation>您的组织要求多重身份验证：请重新登录并完成验证。</translation>
    </message>
    <message>
        <source>Sendscope has not been allowed to send mail for this account. Your organisation&apos;s administrator may need to grant consent to the app.</source>
        <translation>Sendscope 尚未获准为此账户发送邮件。可能需要您组织的管理员对该应用授予同意。</translation>
    </message>
    <message>
        <source>The provider does not know this app&apos;s client id. Check the client id configured for the account or the organisation.</source>
        <translation>服务商不认识此应用的客户端 ID。请检查为账户或组织配置的客户端 ID。</translation>
    </message>
    <message>
        <source>The sign-in has expired or was revoked (for example after a password change). Sign in again.</source>
        <translation>登录已过期或已被撤销（例如在更改密码之后）。请重新登录。</translation>
    </message>
    <message>
        <source>The sign-in was declined in the browser.</source>
        <translation>登录在浏览器中被拒绝。</translation>
    </message>
    <message>
        <source>The provider refused the requested permissions (scope).</source>
        <translation>服务商拒绝了所申请的权限（scope）。</translation>
    </message>
    <message>
        <source>The provider refused the request.</source>
        <translation>服务商拒绝了该请求。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 The provider said: %2 (%3)</source>
        <translation>%1 服务商的回复：%2（%3）</translation>
    </message>
    <message>
        <source>The token endpoint %1 is not an https address; Sendscope does not send sign-in codes or tokens over an unencrypted connection.</source>
        <translation>令牌端点 %1 不是 https 地址；Sendscope 不会通过未加密的连接发送登录代码或令牌。</translation>
    </message>
    <message>
        <source>The sign-in server could not be reached: %1</source>
        <translation>无法连接登录服务器：%1</translation>
    </message>
    <message>
        <source>The sign-in server gave no access token (HTTP %1).</source>
        <translation>登录服务器没有提供访问令牌（HTTP %1）。</translation>
    </message>
</context>
<context>
    <name>OAuthTokens</name>
    <message>
        <source>The sign-in settings of this account are incomplete (no client id or endpoints).</source>
        <translation>此账户的登录设置不完整（缺少客户端 ID 或端点）。</translation>
    </message>
    <message>
        <source>Nobody has signed in for this account yet, or the sign-in was removed.</source>
        <translation>此账户尚未登录，或登录信息已被删除。</translation>
    </message>
    <message>
        <source>The provider issued a new refresh token, but the keychain did not keep it (%1). You may have to sign in again next time.</source>
        <translation>服务商签发了新的刷新令牌，但密钥环没有保存它（%1）。下次可能需要重新登录。</translation>
    </message>
</context>
<context>
    <name>OutboxWindow</name>
    <message>
        <source>&amp;Open and edit</source>
        <translation>打开并编辑(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>立即重试(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Outbox — Sendscope</source>
        <translation>发件箱 — Sendscope</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Why it was not sent</source>
        <translation>未发送原因</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>上次尝试</translation>
    </message>
    <message>
        <source>Messages not sent</source>
        <translation>未发送的邮件</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>错误详情</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>删除邮件</translation>
    </message>
    <message>
        <source>Delete this unsent message for good?</source>
        <translation>要永久删除这封未发送的邮件吗？</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>It may have been delivered; check before sending it again.</source>
        <translation>邮件可能已经投递成功；再次发送前请先确认。</translation>
    </message>
    <message>
        <source>This looks temporary: retrying later may work.</source>
        <translation>这看起来是临时问题：稍后重试可能会成功。</translation>
    </message>
    <message>
        <source>Nothing waiting: every message was sent.</source>
        <translation>没有待发送的邮件：所有邮件均已发送。</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <source>when you retry</source>
        <translation>等您重试</translation>
    </message>
    <message>
        <source>This looks temporary: Sendscope tries again by itself at %1.</source>
        <translation>这看起来是临时问题：Sendscope 会在 %1 自动重试。</translation>
    </message>
    <message>
        <source>&amp;Sign in again…</source>
        <translation>重新登录(&amp;S)…</translation>
    </message>
    <message>
        <source>a delivery receipt</source>
        <translation>投递回执</translation>
    </message>
    <message>
        <source>a read receipt</source>
        <translation>已读回执</translation>
    </message>
    <message>
        <source>high priority</source>
        <translation>高优先级</translation>
    </message>
    <message>
        <source>low priority</source>
        <translation>低优先级</translation>
    </message>
    <message>
        <source>It is sent with %1.</source>
        <translation>发送时附带：%1。</translation>
    </message>
</context>
<context>
    <name>PacingProfile</name>
    <message>
        <source>en</source>
        <comment>the language of the pacing table&apos;s names: zh_CN in Chinese</comment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>每分钟 %1 封</translation>
    </message>
    <message>
        <source>no pacing</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>%1 recipients a day</source>
        <translation>每天 %1 个收件人</translation>
    </message>
    <message>
        <source>no daily quota</source>
        <translation>无每日配额</translation>
    </message>
    <message>
        <source>%1 recipients a message</source>
        <translation>每封邮件 %1 个收件人</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>%1

Password for %2 on %3 (kept in memory only until Sendscope quits):</source>
        <translation>%1

%3 上 %2 的密码（仅保存在内存中，Sendscope 退出后即清除）：</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language takes effect the next time Sendscope starts. &quot;Follow the system&quot; uses the language of your desktop session (%1).</source>
        <translation>新的语言将在下次启动 Sendscope 时生效。“跟随系统”使用桌面会话的语言（%1）。</translation>
    </message>
    <message>
        <source>A new language takes effect the next time Sendscope starts. Your desktop session does not name a language, so &quot;Follow the system&quot; uses English.</source>
        <translation>新的语言将在下次启动 Sendscope 时生效。您的桌面会话没有指定语言，因此“跟随系统”将使用英语。</translation>
    </message>
</context>
<context>
    <name>ProviderReplies</name>
    <message>
        <source>en</source>
        <comment>the language of the provider table&apos;s texts: zh_CN in Chinese</comment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Sendscope</source>
        <translation>Sendscope</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>本地沙盒</translation>
    </message>
    <message>
        <source>You</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <source>1 message waits in the outbox (View → Outbox).</source>
        <translation>发件箱中有 1 封邮件等待发送（视图 → 发件箱）。</translation>
    </message>
    <message>
        <source>%1 messages wait in the outbox (View → Outbox).</source>
        <translation>发件箱中有 %1 封邮件等待发送（视图 → 发件箱）。</translation>
    </message>
    <message>
        <source>Retried &quot;%1&quot; from the outbox: %2</source>
        <translation>已从发件箱重试“%1”：%2</translation>
    </message>
    <message>
        <source>Sent &quot;%1&quot; from the outbox.</source>
        <translation>已从发件箱发送“%1”。</translation>
    </message>
</context>
<context>
    <name>ReplyExplainer</name>
    <message>
        <source>The server is not available right now and closed the connection.</source>
        <translation>服务器当前不可用，已关闭连接。</translation>
    </message>
    <message>
        <source>This is temporary: the server is overloaded, restarting or limiting connections. Try again in a few minutes.</source>
        <translation>这是临时问题：服务器负载过高、正在重启或正在限制连接数。请过几分钟再试。</translation>
    </message>
    <message>
        <source>The server refuses connections from this computer.</source>
        <translation>服务器拒绝来自这台计算机的连接。</translation>
    </message>
    <message>
        <source>Your address may be on a block list, or the server only accepts mail from certain networks. Use your provider&apos;s submission server (port 587 or 465) or ask its administrator.</source>
        <translation>你的网络地址可能在黑名单中，或者服务器只接受来自特定网络的邮件。请使用邮件服务商的邮件提交服务器（端口 587 或 465），或联系其管理员。</translation>
    </message>
    <message>
        <source>The server considers this login method too weak.</source>
        <translation>服务器认为此登录方式安全性太低。</translation>
    </message>
    <message>
        <source>Choose another authentication method, or create an app password or use OAuth2 as the provider asks.</source>
        <translation>请选择其他身份验证方式，或按照服务商的要求创建应用专用密码或使用 OAuth2。</translation>
    </message>
    <message>
        <source>This login method needs an encrypted connection.</source>
        <translation>此登录方式需要加密连接。</translation>
    </message>
    <message>
        <source>Turn on STARTTLS or SSL/TLS for this account.</source>
        <translation>请为此账户开启 STARTTLS 或 SSL/TLS。</translation>
    </message>
    <message>
        <source>The server wants a password change first.</source>
        <translation>服务器要求先修改密码。</translation>
    </message>
    <message>
        <source>Log in to your provider&apos;s web mail and follow its instructions, then try again.</source>
        <translation>请登录服务商的网页邮箱并按照提示操作，然后重试。</translation>
    </message>
    <message>
        <source>The account is disabled.</source>
        <translation>该账户已被停用。</translation>
    </message>
    <message>
        <source>Contact your provider.</source>
        <translation>请联系你的邮件服务商。</translation>
    </message>
    <message>
        <source>The server could not check the login right now.</source>
        <translation>服务器当前无法验证登录信息。</translation>
    </message>
    <message>
        <source>This is a temporary problem on the server&apos;s side. Try again later.</source>
        <translation>这是服务器端的临时问题。请稍后重试。</translation>
    </message>
    <message>
        <source>The server does not support this login method.</source>
        <translation>服务器不支持此登录方式。</translation>
    </message>
    <message>
        <source>Choose automatic or another method offered by the server.</source>
        <translation>请选择“自动”或服务器提供的其他方式。</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection before login.</source>
        <translation>服务器要求在登录前使用加密连接。</translation>
    </message>
    <message>
        <source>Turn on STARTTLS (port 587) or SSL/TLS (port 465) for this account.</source>
        <translation>请为此账户开启 STARTTLS（端口 587）或 SSL/TLS（端口 465）。</translation>
    </message>
    <message>
        <source>The server requires a login first.</source>
        <translation>服务器要求先登录。</translation>
    </message>
    <message>
        <source>Set the user name and password of this account.</source>
        <translation>请设置此账户的用户名和密码。</translation>
    </message>
    <message>
        <source>The server rejected the user name or password.</source>
        <translation>服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>Check both for typing errors and stray spaces. Many providers (Gmail, Outlook, iCloud, Yahoo, QQ, 163) do not accept the normal password here: create an app password (or an authorisation code) in the account&apos;s security settings, or use OAuth2.</source>
        <translation>请检查两者是否有输入错误或多余的空格。许多服务商（Gmail、Outlook、iCloud、Yahoo、QQ、163）在此处不接受普通密码：请在账户的安全设置中创建应用专用密码（或授权码），或使用 OAuth2。</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection.</source>
        <translation>服务器要求使用加密连接。</translation>
    </message>
    <message>
        <source>The server requires you to log in before sending.</source>
        <translation>服务器要求发送前先登录。</translation>
    </message>
    <message>
        <source>Set the user name and password of this account (authentication).</source>
        <translation>请设置此账户的用户名和密码（身份验证）。</translation>
    </message>
    <message>
        <source>The server will not relay mail for you to this recipient.</source>
        <translation>服务器拒绝为你向此收件人中继邮件。</translation>
    </message>
    <message>
        <source>Authenticate first (set user name and password), and send through your own provider&apos;s submission server rather than someone else&apos;s.</source>
        <translation>请先进行身份验证（设置用户名和密码），并通过你自己的邮件服务商的提交服务器发送，而不是别人的服务器。</translation>
    </message>
    <message>
        <source>The server asked to try again later (greylisting).</source>
        <translation>服务器要求稍后重试（灰名单）。</translation>
    </message>
    <message>
        <source>Greylisting servers refuse the first attempt from an unknown sender on purpose; a retry after a few minutes is normally accepted.</source>
        <translation>启用灰名单的服务器会故意拒绝未知发件人的首次投递尝试；几分钟后重试通常就会被接受。</translation>
    </message>
    <message>
        <source>The server accepts no more recipients in this message.</source>
        <translation>服务器不再接受此邮件的更多收件人。</translation>
    </message>
    <message>
        <source>The remaining recipients have to be sent in a further message.</source>
        <translation>其余收件人需要通过另一封邮件发送。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>收件人的邮箱已满。</translation>
    </message>
    <message>
        <source>The recipient has to make room; try again later or reach them another way.</source>
        <translation>收件人需要清理邮箱空间；请稍后重试，或通过其他方式联系对方。</translation>
    </message>
    <message>
        <source>The server is short of storage.</source>
        <translation>服务器存储空间不足。</translation>
    </message>
    <message>
        <source>This is temporary; try again later.</source>
        <translation>这是临时问题；请稍后重试。</translation>
    </message>
    <message>
        <source>The message is too large for the server.</source>
        <translation>邮件太大，服务器无法接受。</translation>
    </message>
    <message>
        <source>Remove or shrink attachments, or share large files by link.</source>
        <translation>请删除或压缩附件，或通过链接分享大文件。</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not accept mail.</source>
        <translation>收件人的域名不接收邮件。</translation>
    </message>
    <message>
        <source>The domain publishes a null MX: it never receives mail. Check the address.</source>
        <translation>该域名发布了空 MX 记录（null MX）：它从不接收邮件。请检查地址。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation>收件人的邮箱已被停用。</translation>
    </message>
    <message>
        <source>The address exists but does not accept mail. Reach the recipient another way.</source>
        <translation>该地址存在，但不接收邮件。请通过其他方式联系收件人。</translation>
    </message>
    <message>
        <source>The server&apos;s policy refused this recipient.</source>
        <translation>服务器的策略拒绝了此收件人。</translation>
    </message>
    <message>
        <source>The recipient&apos;s server does not accept mail from you; the reply says why.</source>
        <translation>收件人的服务器不接受来自你的邮件；服务器响应中说明了原因。</translation>
    </message>
    <message>
        <source>The recipient address does not exist.</source>
        <translation>收件人地址不存在。</translation>
    </message>
    <message>
        <source>Check the spelling of the address; the recipient&apos;s server does not know this mailbox.</source>
        <translation>请检查地址拼写；收件人的服务器上没有这个邮箱。</translation>
    </message>
    <message>
        <source>The server refused the sender address.</source>
        <translation>服务器拒绝了发件人地址。</translation>
    </message>
    <message>
        <source>Send from an address that belongs to the account you log in with; many providers refuse other From addresses.</source>
        <translation>请使用属于登录账户的地址发送；许多服务商会拒绝其他发件人地址。</translation>
    </message>
    <message>
        <source>The message failed the recipient&apos;s sender authentication checks.</source>
        <translation>该邮件未通过收件方的发件人身份验证检查。</translation>
    </message>
    <message>
        <source>SPF, DKIM or DMARC did not pass: send through the server that your domain&apos;s DNS records authorise.</source>
        <translation>SPF、DKIM 或 DMARC 检查未通过：请通过你的域名 DNS 记录所授权的服务器发送。</translation>
    </message>
    <message>
        <source>The server&apos;s policy refused the message.</source>
        <translation>服务器的策略拒绝了该邮件。</translation>
    </message>
    <message>
        <source>The server judged the message unacceptable, often as spam or for its content or attachments. The reply text says more; changing the content or contacting the administrator may help.</source>
        <translation>服务器认为该邮件不可接受，通常是因为它被判定为垃圾邮件，或是因为其内容或附件。服务器响应中有更多说明；修改内容或联系管理员可能会有帮助。</translation>
    </message>
    <message>
        <source>The server does not support an option of the command.</source>
        <translation>服务器不支持该命令的某个选项。</translation>
    </message>
    <message>
        <source>An extension parameter was not recognised. Turning off optional features (DSN, 8BITMIME) may help.</source>
        <translation>有一个扩展参数未被识别。关闭可选功能（DSN、8BITMIME）可能会有帮助。</translation>
    </message>
    <message>
        <source>The domain does not accept mail.</source>
        <translation>该域名不接收邮件。</translation>
    </message>
    <message>
        <source>Check the address.</source>
        <translation>请检查地址。</translation>
    </message>
    <message>
        <source>The server did not accept the command.</source>
        <translation>服务器未接受该命令。</translation>
    </message>
    <message>
        <source>The server does not support this command or did not expect it now. This usually means a mismatch between client and server; the transcript shows the exchange.</source>
        <translation>服务器不支持此命令，或此时不应收到此命令。这通常意味着客户端与服务器不匹配；会话记录中显示了完整的交互过程。</translation>
    </message>
    <message>
        <source>The message could not be routed.</source>
        <translation>无法为该邮件找到投递路由。</translation>
    </message>
    <message>
        <source>The server could not find a way to the recipient&apos;s domain. Check the domain of the address.</source>
        <translation>服务器找不到通往收件人域名的路由。请检查地址中的域名。</translation>
    </message>
    <message>
        <source>The server reported a temporary problem.</source>
        <translation>服务器报告了一个临时问题。</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>服务器拒绝了该请求。</translation>
    </message>
    <message>
        <source>The reply text gives the server&apos;s reason.</source>
        <translation>服务器响应中给出了拒绝原因。</translation>
    </message>
    <message>
        <source>The server gave an unexpected reply.</source>
        <translation>服务器返回了意外的响应。</translation>
    </message>
    <message>
        <source>The transcript shows the exchange.</source>
        <translation>会话记录中显示了交互过程。</translation>
    </message>
    <message>
        <source>Temporary failure (%1): it may work later.</source>
        <translation>临时失败（%1）：稍后可能会成功。</translation>
    </message>
    <message>
        <source>Permanent failure (%1): retrying will not help unless something changes.</source>
        <translation>永久失败（%1）：除非情况有变，否则重试也无济于事。</translation>
    </message>
    <message>
        <source>Status %1: %2.</source>
        <translation>状态 %1：%2。</translation>
    </message>
    <message>
        <source>Server said: &quot;%1&quot;.</source>
        <translation>服务器原话：“%1”。</translation>
    </message>
    <message>
        <source>The server refused the message for now after checking its content or sender.</source>
        <translation>服务器检查邮件内容或发件人后，暂时拒收了此邮件。</translation>
    </message>
    <message>
        <source>This is not greylisting: the check was on the message itself. The server&apos;s words say which check; sending it unchanged may be refused again.</source>
        <translation>这不是灰名单：检查针对的是邮件本身。服务器原话说明了是哪项检查；原样重发可能会再次被拒。</translation>
    </message>
    <message>
        <source>The server refused for now for a policy reason.</source>
        <translation>服务器因策略原因暂时拒收。</translation>
    </message>
    <message>
        <source>It may be greylisting or a temporary block; the server&apos;s words say which. Try again in a few minutes.</source>
        <translation>可能是灰名单，也可能是临时封锁；服务器原话会说明是哪一种。请几分钟后重试。</translation>
    </message>
    <message>
        <source>The server refused because a sending limit of your account was reached.</source>
        <translation>您的账户已达到发信限额，服务器因此拒收。</translation>
    </message>
    <message>
        <source>Nothing is wrong with the recipients. Wait (some limits are per day) and send again, with fewer recipients or messages at a time.</source>
        <translation>收件人没有问题。请等待（有些限额按天计算）后再发，并减少每次的收件人或邮件数量。</translation>
    </message>
    <message>
        <source>The sending IP address is on a block list.</source>
        <translation>发信 IP 地址在黑名单上。</translation>
    </message>
    <message>
        <source>The block is on the IP address of the server that sent the mail, not on you or the message. Send through your provider&apos;s submission server, or have the IP removed from the list the reply names.</source>
        <translation>被封锁的是发信服务器的 IP 地址，而不是您或邮件。请通过邮件服务商的提交服务器发信，或让该 IP 从回复中提到的黑名单中移除。</translation>
    </message>
    <message>
        <source>The sender address differs from the account you log in with.</source>
        <translation>发件人地址与登录的账户不一致。</translation>
    </message>
    <message>
        <source>Send from the address of the account you log in with (or an alias the provider has verified); this is not a protocol problem.</source>
        <translation>请使用登录账户的地址（或服务商已验证的别名）发信；这不是协议问题。</translation>
    </message>
    <message>
        <source>The recipient address is not a valid address.</source>
        <translation>收件人地址不是合法的地址。</translation>
    </message>
    <message>
        <source>The server could not read the address at all, so it was not even looked up: check it for typing errors, spaces, quotes or a missing domain.</source>
        <translation>服务器根本无法解析这个地址，所以并没有去查找它：请检查是否有拼写错误、空格、引号或缺少域名。</translation>
    </message>
    <message>
        <source>Try again later; nothing in the message needs to change.</source>
        <translation>请稍后重试；邮件本身无需修改。</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>This affects every message from this account or server, not only this recipient.</source>
        <translation>这会影响此账户或服务器发出的所有邮件，而不仅是这位收件人。</translation>
    </message>
    <message>
        <source>The code (%1) says permanent, but this block is lifted with time: waiting helps.</source>
        <translation>代码（%1）表示永久失败，但这种封锁会随时间解除：等待即可。</translation>
    </message>
    <message>
        <source>%1 explains it: %2</source>
        <translation>%1 的说明：%2</translation>
    </message>
    <message>
        <source>The list</source>
        <translation>黑名单</translation>
    </message>
</context>
<context>
    <name>ReplyParser</name>
    <message>
        <source>A reply line was longer than %1 bytes.</source>
        <translation>某行响应超过了 %1 字节。</translation>
    </message>
    <message>
        <source>A reply had more than %1 lines.</source>
        <translation>某条响应超过了 %1 行。</translation>
    </message>
    <message>
        <source>A reply line did not start with a three-digit code from 200 to 599.</source>
        <translation>某行响应不是以 200 到 599 之间的三位数代码开头。</translation>
    </message>
    <message>
        <source>The lines of a multi-line reply carried different codes.</source>
        <translation>多行响应的各行代码不一致。</translation>
    </message>
</context>
<context>
    <name>SandboxCertificate</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The sandbox needs the openssl program to make its TLS certificate for STARTTLS (Debian package openssl): %1</source>
        <translation>沙盒需要 openssl 程序来为 STARTTLS 生成 TLS 证书（Debian 软件包 openssl）：%1</translation>
    </message>
    <message>
        <source>openssl could not make the sandbox certificate: %1</source>
        <translation>openssl 无法生成沙盒证书：%1</translation>
    </message>
</context>
<context>
    <name>SandboxCommand</name>
    <message>
        <source>Run Sendscope&apos;s local sandbox SMTP server on 127.0.0.1. It accepts every message and keeps it as an .eml file; nothing is delivered anywhere.</source>
        <translation>在 127.0.0.1 上运行 Sendscope 的本地沙盒 SMTP 服务器。它接受所有邮件并保存为 .eml 文件；不会向任何地方投递。</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <source>Port to listen on (default %1; 0 picks a free one).</source>
        <translation>要监听的端口（默认为 %1；0 表示自动选择空闲端口）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Offer STARTTLS with a self-signed certificate (made once with openssl and kept in the store) and refuse mail before it.</source>
        <translation>使用自签名证书提供 STARTTLS（证书由 openssl 生成一次后保存在存储目录中），并拒绝在此之前发送的邮件。</translation>
    </message>
    <message>
        <source>Folder for the received messages (default %1).</source>
        <translation>保存收到邮件的文件夹（默认为 %1）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Exit after this many messages (default: run until killed).</source>
        <translation>收到这么多封邮件后退出（默认：一直运行，直到被终止）。</translation>
    </message>
    <message>
        <source>sendscope sandbox: %1</source>
        <translation>sendscope sandbox: %1</translation>
    </message>
    <message>
        <source>Run &apos;sendscope sandbox --help&apos; for the options.</source>
        <translation>运行 &apos;sendscope sandbox --help&apos; 查看选项。</translation>
    </message>
    <message>
        <source>unexpected arguments: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>--port must be a number from 0 to 65535.</source>
        <translation>--port 必须是 0 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>--max-messages must be a positive number.</source>
        <translation>--max-messages 必须是正整数。</translation>
    </message>
    <message>
        <source>Stored %1 (from &lt;%2&gt; to %3)</source>
        <translation>已保存 %1（发件人 &lt;%2&gt;，收件人 %3）</translation>
    </message>
    <message>
        <source>Sandbox SMTP server listening on 127.0.0.1 port %1; messages are kept in %2</source>
        <translation>沙盒 SMTP 服务器正在监听 127.0.0.1 端口 %1；邮件保存在 %2</translation>
    </message>
    <message>
        <source>STARTTLS required; certificate %1, SHA-256 %2</source>
        <translation>需要 STARTTLS；证书 %1，SHA-256 %2</translation>
    </message>
    <message>
        <source>AUTH PLAIN or LOGIN required, as user %1</source>
        <translation>需要 AUTH PLAIN 或 LOGIN 身份验证，用户名为 %1</translation>
    </message>
    <message>
        <source>Require AUTH PLAIN or LOGIN as USER before accepting mail. The password comes from --password-stdin or --password-env; without either, a random one is made and printed once.</source>
        <translation>在接受邮件前，要求以 USER 身份进行 AUTH PLAIN 或 LOGIN 身份验证。密码来自 --password-stdin 或 --password-env；两者都未指定时，会随机生成一个密码并只显示一次。</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>With --auth: read the password from environment variable VAR (then removed from the environment).</source>
        <translation>与 --auth 一起使用：从环境变量 VAR 读取密码（读取后从环境中删除）。</translation>
    </message>
    <message>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <source>With --auth: read the password from the first line of standard input.</source>
        <translation>与 --auth 一起使用：从标准输入的第一行读取密码。</translation>
    </message>
    <message>
        <source>--auth takes the user name only; give the password with --password-stdin or --password-env VAR.</source>
        <translation>--auth 只接受用户名；请用 --password-stdin 或 --password-env VAR 提供密码。</translation>
    </message>
    <message>
        <source>the password is empty.</source>
        <translation>密码为空。</translation>
    </message>
    <message>
        <source>--password-stdin and --password-env need --auth USER.</source>
        <translation>--password-stdin 和 --password-env 需要与 --auth USER 一起使用。</translation>
    </message>
    <message>
        <source>Password for this run: %1</source>
        <translation>本次运行的密码：%1</translation>
    </message>
</context>
<context>
    <name>SandboxMailbox</name>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>SandboxMailboxWindow</name>
    <message>
        <source>Sandbox mailbox — Sendscope</source>
        <translation>沙盒邮箱 — Sendscope</translation>
    </message>
    <message>
        <source>Received messages</source>
        <translation>已收到的邮件</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value (decoded)</source>
        <translation>值（已解码）</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <source>Raw source</source>
        <translation>原始源码</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>邮件头(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Raw source</source>
        <translation>原始源码(&amp;R)</translation>
    </message>
    <message>
        <source>Messages sent to the Local sandbox account appear here. They are kept in %1 and never leave this computer.</source>
        <translation>发送到“本地沙盒”账户的邮件会显示在这里。它们保存在 %1 中，绝不会离开这台计算机。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>Cannot create the sandbox folder %1.</source>
        <translation>无法创建沙盒文件夹 %1。</translation>
    </message>
    <message>
        <source>The sandbox server cannot listen on port %1: %2</source>
        <translation>沙盒服务器无法监听端口 %1：%2</translation>
    </message>
</context>
<context>
    <name>SaslMechanism</name>
    <message>
        <source>The server sent an unexpected CRAM-MD5 challenge.</source>
        <translation>服务器发送了意外的 CRAM-MD5 质询。</translation>
    </message>
    <message>
        <source>The server asked for more than a user name and password.</source>
        <translation>服务器要求提供用户名和密码以外的信息。</translation>
    </message>
    <message>
        <source>user name: %1, token: %2</source>
        <translation>用户名：%1，令牌：%2</translation>
    </message>
    <message>
        <source>user name: %1, password: %2</source>
        <translation>用户名：%1，密码：%2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>starts with a space</source>
        <translation>以空格开头</translation>
    </message>
    <message>
        <source>ends with a space</source>
        <translation>以空格结尾</translation>
    </message>
    <message>
        <source>contains a line break</source>
        <translation>包含换行符</translation>
    </message>
    <message>
        <source>contains non-ASCII characters</source>
        <translation>包含非 ASCII 字符</translation>
    </message>
    <message>
        <source>The server sent an unexpected PLAIN challenge.</source>
        <translation>服务器发送了意外的 PLAIN 质询。</translation>
    </message>
    <message>
        <source>The server sent an unexpected SCRAM message.</source>
        <translation>服务器发送了意外的 SCRAM 消息。</translation>
    </message>
    <message>
        <source>The server requires a SCRAM extension that is not supported.</source>
        <translation>服务器要求使用不受支持的 SCRAM 扩展。</translation>
    </message>
    <message>
        <source>The server reported a SCRAM error: %1</source>
        <translation>服务器报告了 SCRAM 错误：%1</translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM nonce does not continue ours.</source>
        <translation>服务器的 SCRAM 随机数（nonce）未延续我方发送的随机数。</translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM parameters are invalid.</source>
        <translation>服务器的 SCRAM 参数无效。</translation>
    </message>
    <message>
        <source>The server asked for %1 SCRAM iterations; at most %2 are accepted.</source>
        <translation>服务器要求进行 %1 次 SCRAM 迭代；最多只接受 %2 次。</translation>
    </message>
    <message>
        <source>The password contains control characters that SCRAM does not allow.</source>
        <translation>密码包含 SCRAM 不允许的控制字符。</translation>
    </message>
    <message>
        <source>The server rejected the login: %1</source>
        <translation>服务器拒绝了登录：%1</translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM signature is wrong: it does not know the password.</source>
        <translation>服务器的 SCRAM 签名错误：服务器并不知道该密码。</translation>
    </message>
    <message>
        <source>fewer than 8 characters</source>
        <translation>少于 8 个字符</translation>
    </message>
    <message>
        <source>8 to 15 characters</source>
        <translation>8 到 15 个字符</translation>
    </message>
    <message>
        <source>16 to 31 characters</source>
        <translation>16 到 31 个字符</translation>
    </message>
    <message>
        <source>32 characters or more</source>
        <translation>32 个字符或更多</translation>
    </message>
    <message>
        <source>[server error: %1]</source>
        <translation>[服务器错误：%1]</translation>
    </message>
    <message>
        <source>[server signature]</source>
        <translation>[服务器签名]</translation>
    </message>
    <message>
        <source>[server challenge: %1 iterations, %2-byte salt]</source>
        <translation>[服务器质询：%1 次迭代，%2 字节的盐值]</translation>
    </message>
    <message>
        <source>[SCRAM message, %1 bytes]</source>
        <translation>[SCRAM 消息，%1 字节]</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No system keychain is available (%1). Sendscope never writes passwords to a file; you can type the password each time instead, and it is then kept in memory only until Sendscope quits. To keep it, start a keychain such as GNOME Keyring or KWallet.</source>
        <translation>没有可用的系统密钥环（%1）。Sendscope 绝不会将密码写入文件；你可以改为每次输入密码，密码只会保存在内存中，直到 Sendscope 退出。如需保存密码，请启动一个密钥环，例如 GNOME Keyring 或 KWallet。</translation>
    </message>
    <message>
        <source>there is no D-Bus session</source>
        <translation>没有 D-Bus 会话</translation>
    </message>
    <message>
        <source>no Secret Service or KWallet on the D-Bus session</source>
        <translation>D-Bus 会话上没有 Secret Service 或 KWallet</translation>
    </message>
    <message>
        <source>No password is stored in the keychain for this account.</source>
        <translation>密钥环中没有保存此账户的密码。</translation>
    </message>
    <message>
        <source>The keychain refused access (%1). It may be locked, or the request was declined; unlock it and try again.</source>
        <translation>密钥环拒绝了访问（%1）。它可能已被锁定，或请求被拒绝；请解锁后重试。</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>密钥环报告了错误：%1</translation>
    </message>
    <message>
        <source>the keychain module sendscope-keychain is not installed (looked in %1)</source>
        <translation>未安装密钥环模块 sendscope-keychain（已查找：%1）</translation>
    </message>
    <message>
        <source>the keychain module could not be loaded: %1</source>
        <translation>无法加载密钥环模块：%1</translation>
    </message>
</context>
<context>
    <name>SendBatch</name>
    <message>
        <source>The password could not be read from the keychain.</source>
        <translation>无法从密钥环读取密码。</translation>
    </message>
    <message>
        <source>Not sent: no password.</source>
        <translation>未发送：没有密码。</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>发送已取消。</translation>
    </message>
    <message>
        <source>Not sent: Sendscope could not record that the message is being sent.</source>
        <translation>未发送：Sendscope 无法记录这封邮件正在发送。</translation>
    </message>
</context>
<context>
    <name>SendCommand</name>
    <message>
        <source>Send one message and print the SMTP conversation to standard error.
Markers: -&gt; client, &lt;- server, ~&gt; and &lt;~ inside TLS, === information, *** errors.
Exit status: 0 sent; 3 sent but some recipients refused; 2 bad command line or input; 10 DNS; 11 connect; 12 TLS; 13 certificate; 14 authentication; 15 policy; 16 every recipient refused; 17 size; 18 timeout; 19 server unavailable; 20 protocol; 21 cancelled; 4 the password could not be read from the keychain.</source>
        <translation>发送一封邮件，并将 SMTP 会话输出到标准错误。
标记：-&gt; 客户端，&lt;- 服务器，~&gt; 和 &lt;~ 表示 TLS 内部，=== 信息，*** 错误。
退出状态：0 已发送；3 已发送但部分收件人被拒绝；2 命令行或输入有误；10 DNS；11 连接；12 TLS；13 证书；14 身份验证；15 策略；16 所有收件人均被拒绝；17 大小；18 超时；19 服务器不可用；20 协议；21 已取消；4 无法从密钥环读取密码。</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <source>Use the server, login and identity of this account (see &apos;sendscope account list&apos;); the password comes from the system keychain unless --password-* is given. Other options override the account&apos;s.</source>
        <translation>使用此账户的服务器、登录信息和身份（参见 &apos;sendscope account list&apos;）；除非指定了 --password-* 选项，否则密码从系统密钥环读取。其他选项会覆盖账户中的设置。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>SMTP server host name or address (required without --account).</source>
        <translation>SMTP 服务器的主机名或地址（未指定 --account 时必填）。</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>Port; default 587 for starttls, 465 for tls, 25 for none.</source>
        <translation>端口；starttls 默认为 587，tls 默认为 465，none 默认为 25。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>none, starttls (default) or tls (implicit TLS).</source>
        <translation>none、starttls（默认）或 tls（隐式 TLS）。</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>User name for authentication.</source>
        <translation>用于身份验证的用户名。</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>Read the password from environment variable VAR.</source>
        <translation>从环境变量 VAR 读取密码。</translation>
    </message>
    <message>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>从标准输入的第一行读取密码。</translation>
    </message>
    <message>
        <source>Read an OAuth 2.0 bearer token from VAR (for OAUTHBEARER or XOAUTH2).</source>
        <translation>从 VAR 读取 OAuth 2.0 持有者令牌（用于 OAUTHBEARER 或 XOAUTH2）。</translation>
    </message>
    <message>
        <source>SASL mechanism: SCRAM-SHA-256, CRAM-MD5, PLAIN, LOGIN, OAUTHBEARER, XOAUTH2 or none; default: the strongest the server offers.</source>
        <translation>SASL 机制：SCRAM-SHA-256、CRAM-MD5、PLAIN、LOGIN、OAUTHBEARER、XOAUTH2 或 none；默认：服务器提供的最强机制。</translation>
    </message>
    <message>
        <source>MECH</source>
        <translation>MECH</translation>
    </message>
    <message>
        <source>Allow sending credentials without encryption.</source>
        <translation>允许在不加密的情况下发送凭据。</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>同时信任此 PEM 文件中的 CA 证书。</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>Accept the server certificate with this SHA-256 fingerprint (hex, colons optional) even if it cannot be verified. May be repeated.</source>
        <translation>即使无法验证，也接受 SHA-256 指纹为此值的服务器证书（十六进制，冒号可选）。可重复指定。</translation>
    </message>
    <message>
        <source>SHA256</source>
        <translation>SHA256</translation>
    </message>
    <message>
        <source>Name to send with EHLO; default: this host&apos;s FQDN or address literal.</source>
        <translation>随 EHLO 发送的名称；默认：本机的 FQDN 或地址字面量。</translation>
    </message>
    <message>
        <source>Seconds to wait for the connection and for each reply (default 60).</source>
        <translation>等待连接和每条响应的秒数（默认 60）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Seconds the whole session may take (default: no limit).</source>
        <translation>整个会话最多允许的秒数（默认：无限制）。</translation>
    </message>
    <message>
        <source>Do not use PIPELINING even when offered.</source>
        <translation>即使服务器提供 PIPELINING，也不使用。</translation>
    </message>
    <message>
        <source>Do not use CHUNKING (BDAT) even when offered.</source>
        <translation>即使服务器提供 CHUNKING（BDAT），也不使用。</translation>
    </message>
    <message>
        <source>Ask for delivery status notifications (success, failure, delay).</source>
        <translation>请求投递状态通知（成功、失败、延迟）。</translation>
    </message>
    <message>
        <source>From address, &quot;Name &lt;addr&gt;&quot; or addr; also the envelope sender (required).</source>
        <translation>发件人地址，格式为 &quot;Name &lt;addr&gt;&quot; 或 addr；同时用作信封发件人（必填）。</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>Recipient(s), &quot;Name &lt;addr&gt;&quot; or addr; may be repeated or comma-separated.</source>
        <translation>收件人，格式为 &quot;Name &lt;addr&gt;&quot; 或 addr；可重复指定或用逗号分隔。</translation>
    </message>
    <message>
        <source>Copy recipient; may be repeated or comma-separated.</source>
        <translation>抄送收件人；可重复指定或用逗号分隔。</translation>
    </message>
    <message>
        <source>Blind copy recipient: in the envelope only.</source>
        <translation>密送收件人：仅出现在信封中。</translation>
    </message>
    <message>
        <source>Subject of the message.</source>
        <translation>邮件主题。</translation>
    </message>
    <message>
        <source>UTF-8 text file with the message text (- for standard input).</source>
        <translation>包含邮件正文的 UTF-8 文本文件（- 表示标准输入）。</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Reply-To address; may be repeated.</source>
        <translation>回复地址；可重复指定。</translation>
    </message>
    <message>
        <source>UTF-8 HTML file sent as an alternative to the text.</source>
        <translation>作为正文替代版本发送的 UTF-8 HTML 文件。</translation>
    </message>
    <message>
        <source>Attach a file; may be repeated. Streamed from disk while sending.</source>
        <translation>添加附件；可重复指定。发送时从磁盘流式读取。</translation>
    </message>
    <message>
        <source>compose only: write the message to this .eml file instead of sending.</source>
        <translation>仅撰写：将邮件写入此 .eml 文件，而不发送。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Send this prepared RFC 5322 message file as it is.</source>
        <translation>按原样发送这个已准备好的 RFC 5322 邮件文件。</translation>
    </message>
    <message>
        <source>Print only the outcome, not the transcript.</source>
        <translation>只输出结果，不输出会话记录。</translation>
    </message>
    <message>
        <source>sendscope send: %1</source>
        <translation>sendscope send：%1</translation>
    </message>
    <message>
        <source>Run &apos;sendscope send --help&apos; for the options.</source>
        <translation>运行 &apos;sendscope send --help&apos; 查看选项。</translation>
    </message>
    <message>
        <source>unexpected arguments: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>compose needs --output FILE.eml.</source>
        <translation>compose 需要 --output FILE.eml。</translation>
    </message>
    <message>
        <source>there is no account &quot;%1&quot;; none are set up (see &apos;sendscope account add&apos;).</source>
        <translation>没有名为“%1”的账户；目前尚未设置任何账户（参见 &apos;sendscope account add&apos;）。</translation>
    </message>
    <message>
        <source>there is no account &quot;%1&quot;; the accounts are: %2.</source>
        <translation>没有名为“%1”的账户；现有账户为：%2。</translation>
    </message>
    <message>
        <source>--server is required (or --account NAME).</source>
        <translation>必须指定 --server（或 --account NAME）。</translation>
    </message>
    <message>
        <source>--security must be none, starttls or tls, not &quot;%1&quot;.</source>
        <translation>--security 必须是 none、starttls 或 tls，而不是“%1”。</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535.</source>
        <translation>--port 必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds between 0 and 3600.</source>
        <translation>--timeout 必须是 0 到 3600 之间的秒数。</translation>
    </message>
    <message>
        <source>--session-timeout must be a positive number of seconds.</source>
        <translation>--session-timeout 必须是正的秒数。</translation>
    </message>
    <message>
        <source>unknown --auth mechanism &quot;%1&quot;.</source>
        <translation>未知的 --auth 机制“%1”。</translation>
    </message>
    <message>
        <source>--user needs exactly one of --password-env, --password-stdin or --token-env.</source>
        <translation>--user 需要且只能搭配 --password-env、--password-stdin 或 --token-env 中的一个。</translation>
    </message>
    <message>
        <source>cannot read --ca-file %1: %2</source>
        <translation>无法读取 --ca-file %1：%2</translation>
    </message>
    <message>
        <source>--ca-file %1 holds no PEM certificate.</source>
        <translation>--ca-file %1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>--trust-fingerprint needs a SHA-256 fingerprint (64 hex digits), not &quot;%1&quot;.</source>
        <translation>--trust-fingerprint 需要 SHA-256 指纹（64 位十六进制数字），而不是“%1”。</translation>
    </message>
    <message>
        <source>--from is required.</source>
        <translation>必须指定 --from。</translation>
    </message>
    <message>
        <source>--from: %1</source>
        <translation>--from：%1</translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot;: %3</source>
        <translation>--%1 &quot;%2&quot;：%3</translation>
    </message>
    <message>
        <source>give at least one --to, --cc or --bcc.</source>
        <translation>请至少指定一个 --to、--cc 或 --bcc。</translation>
    </message>
    <message>
        <source>--eml sends a prepared message; --%1 cannot be used with it.</source>
        <translation>--eml 发送的是已准备好的邮件；不能同时使用 --%1。</translation>
    </message>
    <message>
        <source>cannot read --%1 %2: %3</source>
        <translation>无法读取 --%1 %2：%3</translation>
    </message>
    <message>
        <source>--%1 %2 is not UTF-8 text.</source>
        <translation>--%1 %2 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>*** Not sent: the password of account &quot;%1&quot; could not be read from the keychain.</source>
        <translation>*** 未发送：无法从密钥环读取账户“%1”的密码。</translation>
    </message>
    <message>
        <source>*** %1</source>
        <translation>*** %1</translation>
    </message>
    <message>
        <source>*** Give it with --password-stdin or --password-env instead.</source>
        <translation>*** 请改用 --password-stdin 或 --password-env 提供密码。</translation>
    </message>
    <message>
        <source>sendscope compose: cannot write %1: %2</source>
        <translation>sendscope compose：无法写入 %1：%2</translation>
    </message>
    <message>
        <source>sendscope compose: writing %1 failed: %2</source>
        <translation>sendscope compose：写入 %1 失败：%2</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 bytes).</source>
        <translation>已写入 %1（%2 字节）。</translation>
    </message>
    <message>
        <source>*** Not sent: %1</source>
        <translation>*** 未发送：%1</translation>
    </message>
    <message>
        <source>*** The message may have been delivered; check before sending it again.</source>
        <translation>*** 邮件可能已经投递；再次发送前请先确认。</translation>
    </message>
    <message>
        <source>Sent, but refused for: %1</source>
        <translation>已发送，但以下收件人被拒绝：%1</translation>
    </message>
    <message>
        <source>Sent to 1 recipient.</source>
        <translation>已发送给 1 位收件人。</translation>
    </message>
    <message>
        <source>Sent to %1 recipients.</source>
        <translation>已发送给 %1 位收件人。</translation>
    </message>
    <message>
        <source>*** Nothing was kept: run the same command again later.</source>
        <translation>*** 没有保留任何副本：请稍后再次运行同一命令。</translation>
    </message>
    <message>
        <source>sendscope merge: %1</source>
        <translation>sendscope merge：%1</translation>
    </message>
    <message>
        <source>Run &apos;sendscope merge --help&apos; for the options.</source>
        <translation>运行 &apos;sendscope merge --help&apos; 查看选项。</translation>
    </message>
    <message>
        <source>*** Sign in again with: sendscope account login %1</source>
        <translation>*** 请使用以下命令重新登录：sendscope account login %1</translation>
    </message>
    <message>
        <source>Cannot open the message file %1: %2</source>
        <translation>无法打开邮件文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the message file %1: %2</source>
        <translation>无法读取邮件文件 %1：%2</translation>
    </message>
    <message>
        <source>Ask the recipients&apos; mail programs for a read receipt, sent to the From address.</source>
        <translation>请求收件人的邮件程序发送已读回执，回执发往发件人（From）地址。</translation>
    </message>
    <message>
        <source>high, normal (default) or low; written as X-Priority and Importance.</source>
        <translation>high、normal（默认）或 low；写入 X-Priority 和 Importance 头。</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>--priority is high, normal or low, not &quot;%1&quot;.</source>
        <translation>--priority 只能是 high、normal 或 low，而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>SendJob</name>
    <message>
        <source>Reading the password from the keychain…</source>
        <translation>正在从密钥环读取密码…</translation>
    </message>
    <message>
        <source>The password could not be read from the keychain.</source>
        <translation>无法从密钥环读取密码。</translation>
    </message>
    <message>
        <source>Not sent: no password.</source>
        <translation>未发送：没有密码。</translation>
    </message>
    <message>
        <source>The message is still here.</source>
        <translation>邮件仍保留在这里。</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>发送已取消。</translation>
    </message>
    <message>
        <source>──── Sending &quot;%1&quot; to %2 via %3 port %4 ────</source>
        <translation>──── 正在通过 %3 端口 %4 将“%1”发送给 %2 ────</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Not sent: Sendscope could not record that the message is being sent.</source>
        <translation>未发送：Sendscope 无法记录这封邮件正在发送。</translation>
    </message>
    <message>
        <source>The message is no longer stored. Without that record a crash now could lead to sending it twice, so the end of the message was held back and nothing was delivered.</source>
        <translation>这封邮件已不在存储中。没有这条记录，此时崩溃可能导致重复发送，因此邮件的结尾被扣下，没有投递任何内容。</translation>
    </message>
    <message>
        <source>──── Sent in %1 s ────</source>
        <translation>──── 已发送，用时 %1 秒 ────</translation>
    </message>
    <message>
        <source>──── Partly refused, after %1 s ────</source>
        <translation>──── 部分被拒收，用时 %1 秒 ────</translation>
    </message>
    <message>
        <source>──── Failed after %1 s: %2 ────</source>
        <translation>──── %1 秒后失败：%2 ────</translation>
    </message>
    <message>
        <source>Renewing the sign-in…</source>
        <translation>正在续期登录…</translation>
    </message>
    <message>
        <source>The sign-in server answered: %1</source>
        <translation>登录服务器的回复：%1</translation>
    </message>
    <message>
        <source>Sign in again to send from %1.</source>
        <translation>请重新登录以使用 %1 发信。</translation>
    </message>
    <message>
        <source>%1 Sign in with %2 again (Sign in again in the window, or &apos;sendscope account login %3&apos;); nothing is sent for this account until then.</source>
        <translation>%1 请重新登录 %2（在窗口中点击“重新登录”，或运行 &apos;sendscope account login %3&apos;）；在此之前不会为该账户发送任何邮件。</translation>
    </message>
    <message>
        <source>The sign-in could not be renewed.</source>
        <translation>无法续期登录。</translation>
    </message>
    <message>
        <source>The server refused the access token; renewing it and trying once more on a new connection.</source>
        <translation>服务器拒绝了访问令牌；正在续期并通过新连接再试一次。</translation>
    </message>
    <message>
        <source>The server refused a freshly renewed access token. %1</source>
        <translation>服务器拒绝了刚刚续期的访问令牌。%1</translation>
    </message>
</context>
<context>
    <name>SendService</name>
    <message>
        <source>The message is no longer stored.</source>
        <translation>这封邮件已不在存储中。</translation>
    </message>
    <message>
        <source>It may have been discarded in another window.</source>
        <translation>它可能已在另一个窗口中被丢弃。</translation>
    </message>
    <message>
        <source>This message was already sent on %1; it is not sent again.</source>
        <translation>这封邮件已于 %1 发送，不会再次发送。</translation>
    </message>
    <message>
        <source>To send it once more, use Edit as new: that makes a new message with a Message-ID of its own.</source>
        <translation>如需再发一次，请使用“作为新邮件编辑”：这会创建一封使用自己 Message-ID 的新邮件。</translation>
    </message>
    <message>
        <source>This message may already have been delivered.</source>
        <translation>这封邮件可能已经投递。</translation>
    </message>
    <message>
        <source>The whole message had been sent when the connection or Sendscope stopped, so the server may have accepted it. Check with a recipient; send it again only if you choose to.</source>
        <translation>连接或 Sendscope 中断时，整封邮件已经发出，服务器可能已经接受。请向收件人确认；只有在您选择时才会再次发送。</translation>
    </message>
    <message>
        <source>The account of this message no longer exists.</source>
        <translation>这封邮件的账户已不存在。</translation>
    </message>
    <message>
        <source>Open the message and choose another From.</source>
        <translation>请打开这封邮件并选择其他发件人。</translation>
    </message>
    <message>
        <source>Open the message to correct it.</source>
        <translation>请打开这封邮件进行更正。</translation>
    </message>
    <message>
        <source>Not sent: the message could not be stored.</source>
        <translation>未发送：无法保存这封邮件。</translation>
    </message>
    <message>
        <source>Sendscope stopped while this message was being sent.</source>
        <translation>发送这封邮件时 Sendscope 停止了。</translation>
    </message>
    <message>
        <source>The whole message had left, so the server may have accepted it. Check with a recipient before sending it again.</source>
        <translation>整封邮件已经发出，服务器可能已经接受。再次发送前请向收件人确认。</translation>
    </message>
    <message>
        <source>Read receipt requested (Disposition-Notification-To: %1): the recipient&apos;s mail program may ask them to send one, or not.</source>
        <translation>已请求已读回执（Disposition-Notification-To: %1）：收件人的邮件程序可能会询问收件人是否发送回执，也可能不会。</translation>
    </message>
    <message>
        <source>High priority (X-Priority: 1, Importance: high).</source>
        <translation>高优先级（X-Priority: 1，Importance: high）。</translation>
    </message>
    <message>
        <source>Low priority (X-Priority: 5, Importance: low).</source>
        <translation>低优先级（X-Priority: 5，Importance: low）。</translation>
    </message>
</context>
<context>
    <name>SettingsFinder</name>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>Enter the email address first: the settings are found from its domain.</source>
        <translation>请先输入电子邮件地址：设置将根据其域名查找。</translation>
    </message>
    <message>
        <source>Looking for the outgoing server of %1</source>
        <translation>正在查找 %1 的发件服务器</translation>
    </message>
    <message>
        <source>Autoconfig: asking %1</source>
        <translation>Autoconfig：正在查询 %1</translation>
    </message>
    <message>
        <source>Autoconfig: nothing at %1 (%2)</source>
        <translation>Autoconfig：%1 处没有配置（%2）</translation>
    </message>
    <message>
        <source>Autoconfig: the file at %1 is not usable: %2</source>
        <translation>Autoconfig：%1 处的文件不可用：%2</translation>
    </message>
    <message>
        <source>The provider publishes these settings in its autoconfig file at %1. %2</source>
        <translation>服务商在其 autoconfig 文件 %1 中发布了这些设置。%2</translation>
    </message>
    <message>
        <source>Autoconfig: %1 port %2, %3</source>
        <translation>Autoconfig：%1 端口 %2，%3</translation>
    </message>
    <message>
        <source>Autoconfig offers only an unencrypted server; looking further.</source>
        <translation>Autoconfig 只提供未加密的服务器；继续查找。</translation>
    </message>
    <message>
        <source>Warning: it is not encrypted.</source>
        <translation>警告：该连接未加密。</translation>
    </message>
    <message>
        <source>not valid XML (%1, line %2 column %3)</source>
        <translation>不是有效的 XML（%1，第 %2 行第 %3 列）</translation>
    </message>
    <message>
        <source>it names no SMTP server</source>
        <translation>其中没有指定 SMTP 服务器</translation>
    </message>
    <message>
        <source>it is not a mail autoconfig file</source>
        <translation>它不是邮件 autoconfig 文件</translation>
    </message>
    <message>
        <source>DNS: looking up SRV %1</source>
        <translation>DNS：正在查询 SRV %1</translation>
    </message>
    <message>
        <source>DNS: no answer for %1 in time</source>
        <translation>DNS：%1 未及时应答</translation>
    </message>
    <message>
        <source>DNS: no SRV record %1 (%2)</source>
        <translation>DNS：没有 SRV 记录 %1（%2）</translation>
    </message>
    <message>
        <source>DNS: %1 says this service is not offered</source>
        <translation>DNS：%1 表示未提供此服务</translation>
    </message>
    <message>
        <source>DNS: %1 points to %2 port %3</source>
        <translation>DNS：%1 指向 %2 端口 %3</translation>
    </message>
    <message>
        <source>The domain&apos;s DNS names %1 port %2 for mail submission (%3 record, RFC 6186).</source>
        <translation>该域名的 DNS 指定 %1 端口 %2 用于邮件提交（%3 记录，RFC 6186）。</translation>
    </message>
    <message>
        <source>DNS: looking up the MX host of %1</source>
        <translation>DNS：正在查询 %1 的 MX 主机</translation>
    </message>
    <message>
        <source>DNS: the MX host is %1</source>
        <translation>DNS：MX 主机为 %1</translation>
    </message>
    <message>
        <source>DNS: no MX record for %1 (%2)</source>
        <translation>DNS：%1 没有 MX 记录（%2）</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>未及时应答</translation>
    </message>
    <message>
        <source>Probing %1 on ports %2</source>
        <translation>正在探测 %1 的端口 %2</translation>
    </message>
    <message>
        <source>Probe %1 port %2 (%3): answers%4</source>
        <translation>探测 %1 端口 %2（%3）：有响应%4</translation>
    </message>
    <message>
        <source>, login with %1</source>
        <translation>，可使用 %1 登录</translation>
    </message>
    <message>
        <source>Probe %1 port %2 (%3): %4</source>
        <translation>探测 %1 端口 %2（%3）：%4</translation>
    </message>
    <message>
        <source>%1 answered on port %2 with %3 and a valid certificate%4; it was the most secure of the servers that answered.</source>
        <translation>%1 在端口 %2 上使用 %3 作出响应，且证书有效%4；它是作出响应的服务器中最安全的。</translation>
    </message>
    <message>
        <source>, and offers login with %1</source>
        <translation>，并支持使用 %1 登录</translation>
    </message>
    <message>
        <source>%1 answered on port %2, but its certificate is not trusted (%3). Check it with Test connection before trusting it.</source>
        <translation>%1 在端口 %2 上作出了响应，但其证书不受信任（%3）。信任它之前，请先用“测试连接”检查。</translation>
    </message>
    <message>
        <source>Proposal: %1 port %2, %3. %4</source>
        <translation>建议：%1 端口 %2，%3。%4</translation>
    </message>
    <message>
        <source>No outgoing server was found for %1. Ask the provider for its SMTP server name, port and security, and enter them.</source>
        <translation>未找到 %1 的发件服务器。请向服务商询问其 SMTP 服务器名称、端口和安全设置，然后填入。</translation>
    </message>
    <message>
        <source>it redirects to %1, outside %2</source>
        <translation>它重定向到 %1，在 %2 之外</translation>
    </message>
    <message>
        <source>the answer is larger than 256 KiB</source>
        <translation>应答大于 256 KiB</translation>
    </message>
    <message>
        <source>Autoconfig: not using %1: %2</source>
        <translation>自动配置：不使用 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a port</source>
        <translation>%1 不是端口号</translation>
    </message>
    <message>
        <source>Warning: %1 is not part of %2, and the DNS answer that named it is not signed. Use it only if %2 says so: Sendscope asks before sending your password there.</source>
        <translation>警告：%1 不属于 %2，而且指定它的 DNS 应答没有签名。只有当 %2 这样说明时才使用它：Sendscope 会在把您的密码发送到那里之前询问您。</translation>
    </message>
</context>
<context>
    <name>SmtpSession</name>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>连接 %1 超时。</translation>
    </message>
    <message>
        <source>No connection could be made within %1 seconds. Check the server name and port, and whether a firewall blocks outgoing connections to port %2.</source>
        <translation>%1 秒内未能建立连接。请检查服务器名称和端口，以及防火墙是否阻止了到端口 %2 的外发连接。</translation>
    </message>
    <message>
        <source>the TLS handshake or message data</source>
        <translation>TLS 握手或邮件数据</translation>
    </message>
    <message>
        <source>The server did not answer %1 in time.</source>
        <translation>服务器未及时响应 %1。</translation>
    </message>
    <message>
        <source>No complete reply arrived within %1 seconds. The server may be overloaded, or a firewall or proxy may be interfering with the connection.</source>
        <translation>%1 秒内未收到完整的响应。服务器可能过载，或者防火墙或代理干扰了连接。</translation>
    </message>
    <message>
        <source>The session took too long.</source>
        <translation>会话耗时过长。</translation>
    </message>
    <message>
        <source>The whole session did not finish within %1 seconds.</source>
        <translation>整个会话未能在 %1 秒内完成。</translation>
    </message>
    <message>
        <source>No server name is set.</source>
        <translation>未设置服务器名称。</translation>
    </message>
    <message>
        <source>Enter the name of your provider&apos;s outgoing (SMTP) server, for example smtp.example.com.</source>
        <translation>请输入服务商的发件（SMTP）服务器名称，例如 smtp.example.com。</translation>
    </message>
    <message>
        <source>Connecting to %1 port %2 (security: %3)</source>
        <translation>正在连接 %1 端口 %2（安全：%3）</translation>
    </message>
    <message>
        <source>The message has no content.</source>
        <translation>邮件没有内容。</translation>
    </message>
    <message>
        <source>Nothing to send was given.</source>
        <translation>没有提供要发送的内容。</translation>
    </message>
    <message>
        <source>The sender address is empty.</source>
        <translation>发件人地址为空。</translation>
    </message>
    <message>
        <source>Set the From address.</source>
        <translation>请设置发件人地址。</translation>
    </message>
    <message>
        <source>The message has no recipients.</source>
        <translation>邮件没有收件人。</translation>
    </message>
    <message>
        <source>Add at least one To, Cc or Bcc address.</source>
        <translation>请至少添加一个收件人、抄送或密送地址。</translation>
    </message>
    <message>
        <source>The address &quot;%1&quot; contains characters that are not allowed.</source>
        <translation>地址“%1”包含不允许使用的字符。</translation>
    </message>
    <message>
        <source>Envelope addresses cannot contain spaces, angle brackets, line breaks or NUL.</source>
        <translation>信封地址不能包含空格、尖括号、换行符或 NUL。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a complete e-mail address.</source>
        <translation>“%1”不是完整的电子邮件地址。</translation>
    </message>
    <message>
        <source>An address needs a name, an @ and a domain, like name@example.com.</source>
        <translation>地址需要包含名称、@ 和域名，例如 name@example.com。</translation>
    </message>
    <message>
        <source>The address &quot;%1&quot; is too long.</source>
        <translation>地址“%1”过长。</translation>
    </message>
    <message>
        <source>The part before @ may have at most 64 characters and the whole address 254.</source>
        <translation>@ 前面的部分最多 64 个字符，整个地址最多 254 个字符。</translation>
    </message>
    <message>
        <source>The message contains NUL bytes.</source>
        <translation>邮件包含 NUL 字节。</translation>
    </message>
    <message>
        <source>Binary data must be attached (base64-encoded), not put into the message text.</source>
        <translation>二进制数据必须作为附件（base64 编码），而不能放入邮件正文。</translation>
    </message>
    <message>
        <source>Connected to %1 port %2 in %3 ms</source>
        <translation>已连接到 %1 端口 %2，用时 %3 毫秒</translation>
    </message>
    <message>
        <source>The server sent a malformed reply.</source>
        <translation>服务器发送了格式错误的响应。</translation>
    </message>
    <message>
        <source>The server name %1 could not be found.</source>
        <translation>找不到服务器名称 %1。</translation>
    </message>
    <message>
        <source>Check the spelling of the server name and that this computer is online (%1).</source>
        <translation>请检查服务器名称的拼写，并确认这台计算机已联网（%1）。</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2.</source>
        <translation>%1 拒绝了端口 %2 上的连接。</translation>
    </message>
    <message>
        <source>Nothing accepts connections on that port. Check the port: usually 587 for STARTTLS, 465 for SSL/TLS, 25 for server-to-server mail.</source>
        <translation>该端口上没有服务接受连接。请检查端口：STARTTLS 通常为 587，SSL/TLS 为 465，服务器之间的邮件传输为 25。</translation>
    </message>
    <message>
        <source>The connection timed out.</source>
        <translation>连接超时。</translation>
    </message>
    <message>
        <source>The TLS handshake failed.</source>
        <translation>TLS 握手失败。</translation>
    </message>
    <message>
        <source>%1. If the server uses SSL/TLS on this port, choose that security; if it expects STARTTLS, choose STARTTLS. Old servers may not support TLS 1.2 or later.</source>
        <translation>%1。如果服务器在此端口上使用 SSL/TLS，请选择该安全方式；如果它要求 STARTTLS，请选择 STARTTLS。旧服务器可能不支持 TLS 1.2 或更高版本。</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>连接失败。</translation>
    </message>
    <message>
        <source>Certificate not verified (%1), but its SHA-256 fingerprint %2 is pinned for this account: trusted.</source>
        <translation>证书未通过验证（%1），但其 SHA-256 指纹 %2 已为此账户固定：予以信任。</translation>
    </message>
    <message>
        <source>Certificate: subject &quot;%1&quot;, issuer &quot;%2&quot;, valid %3 to %4, SHA-256 %5</source>
        <translation>证书：使用者“%1”，颁发者“%2”，有效期 %3 至 %4，SHA-256 %5</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>服务器的证书不受信任：%1</translation>
    </message>
    <message>
        <source>The connection was stopped before anything was sent, because someone could be intercepting it. If the server is yours and uses a self-signed certificate, trust exactly this certificate (SHA-256 %1) or give its CA certificate.</source>
        <translation>由于连接可能正被他人截获，在发送任何内容之前已中止连接。如果这是您自己的服务器且使用自签名证书，请只信任这一个证书（SHA-256 %1），或提供其 CA 证书。</translation>
    </message>
    <message>
        <source>The server closed the connection before greeting.</source>
        <translation>服务器在发送欢迎消息之前关闭了连接。</translation>
    </message>
    <message>
        <source>The server may be overloaded, may not accept connections from your address, or may expect a different security setting on this port.</source>
        <translation>服务器可能过载、不接受来自您的地址的连接，或者在此端口上要求不同的安全设置。</translation>
    </message>
    <message>
        <source>The connection was lost after the message was sent, before the server confirmed it.</source>
        <translation>邮件已发出，但在服务器确认之前连接中断了。</translation>
    </message>
    <message>
        <source>The connection was lost while the message was being sent.</source>
        <translation>发送邮件时连接中断。</translation>
    </message>
    <message>
        <source>The message was not delivered. Try again; if it keeps failing, the message may be too large for the server or a network device is cutting the connection.</source>
        <translation>邮件未投递。请重试；如果一直失败，可能是邮件超出了服务器的大小限制，或者有网络设备切断了连接。</translation>
    </message>
    <message>
        <source>The server closed the connection unexpectedly.</source>
        <translation>服务器意外关闭了连接。</translation>
    </message>
    <message>
        <source>Look at the last lines of the transcript for the server&apos;s reason.</source>
        <translation>请查看会话记录的最后几行，了解服务器给出的原因。</translation>
    </message>
    <message>
        <source>The server answered before the whole message was sent: %1</source>
        <translation>服务器在整封邮件发送完之前就作出了响应：%1</translation>
    </message>
    <message>
        <source>The server sent a reply nobody asked for.</source>
        <translation>服务器发送了未经请求的响应。</translation>
    </message>
    <message>
        <source>The reply &quot;%1&quot; arrived when no command was waiting for one.</source>
        <translation>响应“%1”到达时，没有命令在等待响应。</translation>
    </message>
    <message>
        <source>Flight %1 answered in %2 ms</source>
        <translation>批次 %1 在 %2 毫秒后得到响应</translation>
    </message>
    <message>
        <source>Greeting received %1 ms after start</source>
        <translation>开始后 %1 毫秒收到欢迎消息</translation>
    </message>
    <message>
        <source>The server announced no extensions</source>
        <translation>服务器未声明任何扩展</translation>
    </message>
    <message>
        <source>Extensions: %1</source>
        <translation>扩展：%1</translation>
    </message>
    <message>
        <source>The server does not understand EHLO; trying HELO</source>
        <translation>服务器不支持 EHLO；改用 HELO</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS, which this account requires.</source>
        <translation>服务器不提供 STARTTLS，但此账户要求使用它。</translation>
    </message>
    <message>
        <source>Nothing more was sent, so your password and message did not travel in clear text. Use SSL/TLS (usually port 465) or the provider&apos;s submission port 587; if the server used to offer STARTTLS, something on the network may be removing it.</source>
        <translation>没有继续发送任何内容，因此您的密码和邮件没有以明文传输。请使用 SSL/TLS（通常为端口 465）或服务商的提交端口 587；如果该服务器以前提供 STARTTLS，可能是网络中有设备将其移除了。</translation>
    </message>
    <message>
        <source>The server sent unexpected data right after agreeing to STARTTLS.</source>
        <translation>服务器在同意 STARTTLS 后立即发送了意外数据。</translation>
    </message>
    <message>
        <source>This is how a STARTTLS injection attack looks. The session was stopped before TLS started, so nothing was sent. Report it to the server&apos;s administrator.</source>
        <translation>这正是 STARTTLS 注入攻击的特征。会话在 TLS 启动前已中止，因此没有发送任何内容。请将此情况报告给服务器管理员。</translation>
    </message>
    <message>
        <source>Refusing to send the password over an unencrypted connection.</source>
        <translation>拒绝通过未加密的连接发送密码。</translation>
    </message>
    <message>
        <source>Choose STARTTLS or SSL/TLS for this account. Only if you are sure the network is private, allow authentication without encryption explicitly.</source>
        <translation>请为此账户选择 STARTTLS 或 SSL/TLS。只有在确定网络是私有的情况下，才应明确允许不加密的身份验证。</translation>
    </message>
    <message>
        <source>The server does not offer authentication, but a user name is set.</source>
        <translation>服务器不提供身份验证，但设置了用户名。</translation>
    </message>
    <message>
        <source>If this server needs no login, set authentication to none. Otherwise use the provider&apos;s submission server (port 587 or 465); port 25 often offers no login.</source>
        <translation>如果此服务器无需登录，请将身份验证设为“无”。否则请使用服务商的提交服务器（端口 587 或 465）；端口 25 通常不提供登录。</translation>
    </message>
    <message>
        <source>No login method offered by the server can be used.</source>
        <translation>服务器提供的登录方式都无法使用。</translation>
    </message>
    <message>
        <source>The server offers %1; Sendscope supports %2.</source>
        <translation>服务器提供 %1；Sendscope 支持 %2。</translation>
    </message>
    <message>
        <source>The server does not offer the login method %1.</source>
        <translation>服务器不提供登录方式 %1。</translation>
    </message>
    <message>
        <source>It offers %1. Choose one of those, or automatic.</source>
        <translation>它提供 %1。请从中选择一种，或选择“自动”。</translation>
    </message>
    <message>
        <source>The login method %1 is not supported.</source>
        <translation>不支持登录方式 %1。</translation>
    </message>
    <message>
        <source>Choose automatic, or one of %1.</source>
        <translation>请选择“自动”，或 %1 中的一种。</translation>
    </message>
    <message>
        <source>Authenticating with %1 (%2)</source>
        <translation>正在使用 %1 进行身份验证（%2）</translation>
    </message>
    <message>
        <source>The server sent a login challenge that is not valid base64.</source>
        <translation>服务器发送的登录质询不是有效的 base64。</translation>
    </message>
    <message>
        <source>The login was cancelled. The server&apos;s SASL implementation is broken.</source>
        <translation>登录已取消。服务器的 SASL 实现有缺陷。</translation>
    </message>
    <message>
        <source>The login was cancelled: %1</source>
        <translation>登录已取消：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answer during login was not acceptable, so the login was stopped before it could complete.</source>
        <translation>服务器在登录过程中的应答不可接受，因此在登录完成前已中止。</translation>
    </message>
    <message>
        <source>The server accepted the login without proving that it knows the password.</source>
        <translation>服务器接受了登录，却没有证明它知道密码。</translation>
    </message>
    <message>
        <source>With SCRAM the server must prove its identity. It did not, so the session was stopped: you may be talking to an impostor.</source>
        <translation>使用 SCRAM 时，服务器必须证明自己的身份。它没有做到，因此会话已中止：您可能正在与冒充者通信。</translation>
    </message>
    <message>
        <source>Authenticated as %1 with %2</source>
        <translation>已使用 %2 以 %1 的身份通过验证</translation>
    </message>
    <message>
        <source>The message is too large for this server: %1 bytes, the limit is %2 bytes.</source>
        <translation>邮件对此服务器来说太大：%1 字节，上限为 %2 字节。</translation>
    </message>
    <message>
        <source>Nothing was sent. Remove or shrink attachments, or share large files by link.</source>
        <translation>没有发送任何内容。请删除或缩小附件，或通过链接分享大文件。</translation>
    </message>
    <message>
        <source>This server cannot carry non-ASCII addresses (it lacks SMTPUTF8).</source>
        <translation>此服务器无法传送非 ASCII 地址（它不支持 SMTPUTF8）。</translation>
    </message>
    <message>
        <source>An address in the envelope or the message headers uses characters beyond ASCII. Use an ASCII form of the address, or another server.</source>
        <translation>信封或邮件头中的某个地址使用了 ASCII 以外的字符。请使用该地址的 ASCII 形式，或改用其他服务器。</translation>
    </message>
    <message>
        <source>The server does not offer DSN: no delivery notifications can be requested for this message</source>
        <translation>服务器不提供 DSN：无法为此邮件请求投递通知</translation>
    </message>
    <message>
        <source>The message has 8-bit content but the server does not announce 8BITMIME; sending it anyway, as most servers accept it</source>
        <translation>邮件包含 8 位内容，但服务器未声明 8BITMIME；仍然发送，因为大多数服务器都能接受</translation>
    </message>
    <message>
        <source>The server did not accept RSET; continuing</source>
        <translation>服务器不接受 RSET；继续</translation>
    </message>
    <message>
        <source>Recipient %1 deferred to a further transaction (the server limits recipients per message)</source>
        <translation>收件人 %1 推迟到后续事务中发送（服务器限制了每封邮件的收件人数）</translation>
    </message>
    <message>
        <source>Recipient %1 refused: %2 %3</source>
        <translation>收件人 %1 被拒绝：%2 %3</translation>
    </message>
    <message>
        <source>The message could not be read again.</source>
        <translation>无法再次读取邮件。</translation>
    </message>
    <message>
        <source>The message changed while it was being sent.</source>
        <translation>邮件在发送过程中发生了变化。</translation>
    </message>
    <message>
        <source>A file grew during sending. The connection was closed so that no partial message is delivered; send again.</source>
        <translation>发送期间有文件变大了。为避免投递不完整的邮件，已关闭连接；请重新发送。</translation>
    </message>
    <message>
        <source>A file shrank during sending. The connection was closed so that no partial message is delivered; send again.</source>
        <translation>发送期间有文件变小了。为避免投递不完整的邮件，已关闭连接；请重新发送。</translation>
    </message>
    <message>
        <source>[message body: %1 bytes, %2 lines]</source>
        <translation>[邮件正文：%1 字节，%2 行]</translation>
    </message>
    <message>
        <source>Sending to the deferred recipients (%1) in a further transaction</source>
        <translation>正在通过后续事务向被推迟的收件人（%1）发送</translation>
    </message>
    <message>
        <source>Sent, but refused for: %1</source>
        <translation>已发送，但以下收件人被拒绝：%1</translation>
    </message>
    <message>
        <source>Every recipient was refused. %1</source>
        <translation>所有收件人都被拒绝。%1</translation>
    </message>
    <message>
        <source>No recipient was accepted.</source>
        <translation>没有任何收件人被接受。</translation>
    </message>
    <message>
        <source>Message %1 sent (%2 bytes)</source>
        <translation>邮件 %1 已发送（%2 字节）</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>已取消发送。</translation>
    </message>
    <message>
        <source>The message had been sent completely; it may or may not have been delivered.</source>
        <translation>邮件已完整发出；它可能已投递，也可能没有。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>Session failed after %1 ms (%2)</source>
        <translation>会话在 %1 毫秒后失败（%2）</translation>
    </message>
    <message>
        <source>Session finished after %1 ms, %2 client flights</source>
        <translation>会话在 %1 毫秒后结束，客户端共发送 %2 个批次</translation>
    </message>
    <message>
        <source>TLS established after %1 ms: %2, cipher %3 (%4 bits)</source>
        <translation>%1 毫秒后建立 TLS：%2，加密套件 %3（%4 位）</translation>
    </message>
    <message>
        <source>Certificate %1: subject &quot;%2&quot;, issuer &quot;%3&quot;, valid %4 to %5, SHA-256 %6</source>
        <translation>证书 %1：使用者“%2”，颁发者“%3”，有效期 %4 至 %5，SHA-256 %6</translation>
    </message>
    <message>
        <source>The domain of &quot;%1&quot; is not valid.</source>
        <translation>“%1”的域名无效。</translation>
    </message>
    <message>
        <source>A domain has at most 255 characters, each part between dots 1 to 63.</source>
        <translation>域名最多 255 个字符，以点分隔的每一部分为 1 到 63 个字符。</translation>
    </message>
    <message>
        <source>Warning: this account trusts a different certificate for this server, and the server now presents another one (SHA-256 %1). Trust it only if the server&apos;s administrator confirms the change.</source>
        <translation>警告：此账户信任的是该服务器的另一张证书，而服务器现在出示的是一张不同的证书（SHA-256 %1）。只有在服务器管理员确认更换过证书时才信任它。</translation>
    </message>
    <message>
        <source>Reading the message failed while sending it; nothing was delivered.</source>
        <translation>发送过程中读取邮件失败；邮件未被投递。</translation>
    </message>
    <message>
        <source>The server agreed to start TLS, then failed the handshake on its side.</source>
        <translation>服务器同意启动 TLS，随后却在它自己一方使握手失败。</translation>
    </message>
    <message>
        <source>Server said (TLS alert): &quot;%1&quot;. What to do: the fault is in the server&apos;s TLS set-up (often its certificate or key files); changing the security setting here will not help. Tell the server&apos;s administrator, with this message, or use another server.</source>
        <translation>服务器原话（TLS 警报）：“%1”。建议：问题出在服务器的 TLS 配置（通常是其证书或密钥文件）；在这里更改安全设置没有用。请把这条消息转告服务器管理员，或改用其他服务器。</translation>
    </message>
    <message>
        <source>The message may or may not have been delivered. Check with the recipients before sending it again.</source>
        <translation>邮件可能已投递，也可能没有。重新发送前请先向收件人确认。</translation>
    </message>
    <message>
        <source>The server closed the connection while it waited for the next message.</source>
        <translation>在等待下一封邮件时，服务器关闭了连接。</translation>
    </message>
    <message>
        <source>Servers close idle connections; the next message goes over a new one.</source>
        <translation>服务器会关闭空闲的连接；下一封邮件将通过新的连接发送。</translation>
    </message>
    <message>
        <source>The server answered %1 with %2, which the protocol does not allow there.</source>
        <translation>服务器对 %1 回复了 %2，而协议不允许在此处出现该回复。</translation>
    </message>
    <message>
        <source>It should have asked for the message with 354. The message was not sent; nothing was delivered. The server&apos;s SMTP implementation is broken or something on the way interferes; tell its administrator.</source>
        <translation>服务器本应以 354 请求邮件内容。邮件没有发送，没有投递任何内容。服务器的 SMTP 实现有问题，或者途中有东西在干扰；请告知其管理员。</translation>
    </message>
    <message>
        <source>The message was not sent. The server&apos;s SMTP implementation is broken or something on the way interferes; tell its administrator.</source>
        <translation>邮件没有发送。服务器的 SMTP 实现有问题，或者途中有东西在干扰；请告知其管理员。</translation>
    </message>
    <message>
        <source>This certificate (SHA-256 %1) has been revoked or blacklisted: it is known to be in the wrong hands, so it is refused even if it was trusted before. Tell the server&apos;s administrator.</source>
        <translation>此证书（SHA-256 %1）已被吊销或列入黑名单：它已知落入了他人之手，因此即使以前信任过也会被拒绝。请告知服务器管理员。</translation>
    </message>
    <message>
        <source>Delivery status notifications (DSN) requested: %1</source>
        <translation>已请求投递状态通知（DSN）：%1</translation>
    </message>
</context>
<context>
    <name>SpellChecker</name>
    <message>
        <source>The spelling library could not start.</source>
        <translation>拼写检查库无法启动。</translation>
    </message>
    <message>
        <source>No spelling dictionary is installed.</source>
        <translation>未安装拼写词典。</translation>
    </message>
    <message>
        <source>There is no spelling dictionary for %1.</source>
        <translation>没有%1的拼写词典。</translation>
    </message>
</context>
<context>
    <name>SpellingController</name>
    <message>
        <source>Check &amp;spelling</source>
        <translation>检查拼写(&amp;S)</translation>
    </message>
    <message>
        <source>Spelling &amp;language</source>
        <translation>拼写语言(&amp;L)</translation>
    </message>
    <message>
        <source>No spelling dictionary is installed. Install one for your language (for example the package hunspell-en-us) and open the window again.</source>
        <translation>未安装拼写词典。请安装所用语言的词典（例如软件包 hunspell-en-us），然后重新打开窗口。</translation>
    </message>
    <message>
        <source>No dictionary installed</source>
        <translation>未安装词典</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>没有建议</translation>
    </message>
    <message>
        <source>&amp;Add to dictionary</source>
        <translation>添加到词典(&amp;A)</translation>
    </message>
</context>
<context>
    <name>TranscriptPanel</name>
    <message>
        <source>SMTP transcript</source>
        <translation>SMTP 会话记录</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <source>Commands and replies</source>
        <translation>命令和响应</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Transcript filter</source>
        <translation>会话记录过滤器</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search the transcript</source>
        <translation>搜索会话记录</translation>
    </message>
    <message>
        <source>Redacted: passwords and tokens are never shown</source>
        <translation>已隐去：从不显示密码和令牌</translation>
    </message>
    <message>
        <source>AUTH exchanges show their structure only; message bodies are summarised.</source>
        <translation>AUTH 交互只显示其结构；邮件正文只显示摘要。</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <source>Copy the visible lines (redacted)</source>
        <translation>复制可见的行（已隐去敏感信息）</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Save transcript</source>
        <translation>保存会话记录</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Select a line to read it here in full.</source>
        <translation>选择一行，在这里查看完整内容。</translation>
    </message>
    <message>
        <source>Selected transcript line</source>
        <translation>选中的记录行</translation>
    </message>
</context>
<context>
    <name>XlsxReader</name>
    <message>
        <source>The workbook is encrypted; save it without a password.</source>
        <translation>工作簿已加密；请保存一份不带密码的副本。</translation>
    </message>
    <message>
        <source>The part %1 of the workbook unpacks to more than %2 MB; split the table into several files.</source>
        <translation>工作簿的部件 %1 解压后超过 %2 MB；请将表格拆分为多个文件。</translation>
    </message>
    <message>
        <source>The part %1 of the workbook cannot be read: %2</source>
        <translation>无法读取工作簿的部件 %1：%2</translation>
    </message>
    <message>
        <source>The workbook is protected by a password; save a copy without one (File → Info → Protect Workbook in Excel) and use that.</source>
        <translation>工作簿受密码保护；请保存一份不带密码的副本（Excel 中：文件 → 信息 → 保护工作簿）并使用该副本。</translation>
    </message>
    <message>
        <source>This is an old Excel 97–2003 workbook (.xls), not .xlsx; save it as .xlsx or CSV.</source>
        <translation>这是旧版 Excel 97–2003 工作簿（.xls），不是 .xlsx；请另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>The file is not an .xlsx workbook (not a zip archive).</source>
        <translation>该文件不是 .xlsx 工作簿（不是 zip 压缩包）。</translation>
    </message>
    <message>
        <source>The workbook cannot be opened: %1</source>
        <translation>无法打开工作簿：%1</translation>
    </message>
    <message>
        <source>The file is a zip archive but not an .xlsx workbook (it has no %1).</source>
        <translation>该文件是 zip 压缩包，但不是 .xlsx 工作簿（缺少 %1）。</translation>
    </message>
    <message>
        <source>The workbook&apos;s sheet list cannot be read: %1</source>
        <translation>无法读取工作簿的工作表列表：%1</translation>
    </message>
    <message>
        <source>The workbook has no worksheet.</source>
        <translation>工作簿中没有工作表。</translation>
    </message>
    <message>
        <source>The workbook&apos;s styles cannot be read: %1</source>
        <translation>无法读取工作簿的样式：%1</translation>
    </message>
    <message>
        <source>The workbook holds more than %1 strings; split the table into several files.</source>
        <translation>工作簿包含超过 %1 个字符串；请将表格拆分为多个文件。</translation>
    </message>
    <message>
        <source>The workbook&apos;s shared strings cannot be read: %1</source>
        <translation>无法读取工作簿的共享字符串：%1</translation>
    </message>
    <message>
        <source>No workbook is open.</source>
        <translation>没有打开的工作簿。</translation>
    </message>
    <message>
        <source>The workbook has no sheet &quot;%1&quot;; its sheets are: %2.</source>
        <translation>工作簿中没有工作表“%1”；现有工作表：%2。</translation>
    </message>
    <message>
        <source>The workbook lists the sheet &quot;%1&quot;, but its part %2 is missing.</source>
        <translation>工作簿列出了工作表“%1”，但缺少其部件 %2。</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; has a cell with the bad reference &quot;%2&quot;.</source>
        <translation>工作表“%1”中有一个引用无效的单元格“%2”。</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; has a cell outside the spreadsheet (%2).</source>
        <translation>工作表“%1”中有一个超出表格范围的单元格（%2）。</translation>
    </message>
    <message>
        <source>The cell %1 of the sheet &quot;%2&quot; refers to a missing string.</source>
        <translation>工作表“%2”的单元格 %1 引用了不存在的字符串。</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; holds more than %2 cells; split the table into several files.</source>
        <translation>工作表“%1”包含超过 %2 个单元格；请将表格拆分为多个文件。</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取工作表“%1”：%2</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is empty; the workbook&apos;s sheets are: %2.</source>
        <translation>工作表“%1”是空的；工作簿中的工作表：%2。</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is empty.</source>
        <translation>工作表“%1”是空的。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>open the compose window</source>
        <translation>打开撰写窗口</translation>
    </message>
    <message>
        <source>send one message from the command line</source>
        <translation>从命令行发送一封邮件</translation>
    </message>
    <message>
        <source>the options of send (likewise for every command)</source>
        <translation>send 命令的选项（其他命令同样适用）</translation>
    </message>
    <message>
        <source>write the message instead of sending it</source>
        <translation>将邮件写入文件而不发送</translation>
    </message>
    <message>
        <source>one personalised message per row (mail merge)</source>
        <translation>每行一封个性化邮件（邮件合并，群发）</translation>
    </message>
    <message>
        <source>manage accounts (passwords in the keychain)</source>
        <translation>管理账户（密码保存在密钥环中）</translation>
    </message>
    <message>
        <source>run the local sandbox SMTP server headless</source>
        <translation>以无界面模式运行本地沙盒 SMTP 服务器</translation>
    </message>
    <message>
        <source>explain a server reply or a bounce message</source>
        <translation>解释服务器回复或退信</translation>
    </message>
    <message>
        <source>check the DNS records receivers want of a sender</source>
        <translation>检查收件方要求发件域具备的 DNS 记录</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>sendscope: cannot start the window: %1
</source>
        <translation>sendscope：无法打开窗口：%1
</translation>
    </message>
    <message>
        <source>sendscope: unknown command &quot;%1&quot;.</source>
        <translation>sendscope：未知命令“%1”。</translation>
    </message>
    <message>
        <source>sendscope: unknown command &quot;%1&quot;; did you mean &quot;%2&quot;?</source>
        <translation>sendscope：未知命令“%1”；您是想输入“%2”吗？</translation>
    </message>
</context>
</TS>
