package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** CURLOPT(key): options for the channel's later CURL() calls (func_curl). */
public final class CurlOptFunction extends BaseFunction {
    public CurlOptFunction() {
        super("CURLOPT", "func_curl", "Sets various options for future invocations of CURL.", "CURLOPT(key)", """
                Set(CURLOPT(key)=value) sets an option for the CURL() calls this channel makes next;
                ${CURLOPT(key)} reads it back (empty when it is not set). Keys:
                  cookie          a cookie to send with the request
                  conntimeout     seconds to wait for the connection (fractions allowed)
                  dnstimeout      kept, not used (name lookups have no timeout of their own here)
                  followlocation  follow 3xx redirects (boolean)
                  ftptext, ftptimeout   kept, not used: only http and https are fetched
                  header          put the status line and headers before the body (boolean)
                  httpheader      add a header, 'Name: value'; each call adds one; any header set
                                  drops the default Content-Type application/x-www-form-urlencoded
                  httptimeout     seconds the whole request may take (fractions allowed; default 180)
                  maxredirs       the most redirects followed (-1, the default: no limit)
                  proxy           proxy host, [http://]host[:port]
                  proxytype       http (socks4, socks4a, socks5 are refused: only HTTP proxies here)
                  proxyport       proxy port (1080 by default, as libcurl)
                  proxyuserpwd    user:password for the proxy
                  referer         the Referer header
                  useragent       the User-Agent header (default asterisk-libcurl-agent/1.0)
                  userpwd         user:password sent as Basic authentication
                  ssl_verifypeer  check the server's certificate (boolean, default yes)
                  hashcompat      yes, no or legacy: a key1=value1&key2=value2 answer is made ready
                                  for HASH(): the values, with the keys in ~ODBCFIELDS~ (legacy also
                                  turns + into a space)
                  failurecodes    HTTP status codes, comma separated, that make CURL() fail (empty)
                An unknown key is an error in the log and changes nothing.""");
    }

    @Override
    public String read(Channel channel, String key) {
        if (noChannel(channel)) return "";
        if (CurlOptions.kind(key) == null) {
            error("Unrecognized option: '" + (key == null ? "" : key) + "'");
            return "";
        }
        CurlOptions o = CurlOptions.of(channel, false);
        String v = o == null ? null : o.get(key);
        return v == null ? "" : v;
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String key, String value) {
        if (noChannel(channel)) return;
        if (CurlOptions.kind(key) == null) {
            error("Unrecognized option: " + (key == null ? "" : key));
            return;
        }
        CurlOptions.of(channel, true).set(key, value);
    }
}
