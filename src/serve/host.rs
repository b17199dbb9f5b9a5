//! Which hosts the preview answers for. A web page on another site can make
//! its own name lead to 127.0.0.1 (DNS rebinding) and then read the preview
//! as if it were that site; its requests still say `Host: its-name`. So on a
//! loopback address only the bound address and `localhost` names are
//! answered. With `--bind` naming another address the editor has opened the
//! preview to the network, whose names chiso cannot know: every host is.

use std::net::IpAddr;

/// The hosts answered.
#[derive(Debug, Clone, Copy)]
pub struct Hosts {
    bound: IpAddr,
}

impl Hosts {
    pub fn new(bound: IpAddr) -> Hosts {
        Hosts { bound }
    }

    /// Whether a request for `host` (a `Host` header, port included or not)
    /// is answered. A request without one (HTTP/1.0) is: browsers always
    /// send it.
    pub fn allows(&self, host: Option<&str>) -> bool {
        if !self.bound.is_loopback() {
            return true;
        }
        let Some(host) = host else {
            return true;
        };
        let Some(name) = without_port(host) else {
            return false;
        };
        let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
        // Browsers resolve `localhost` and `*.localhost` to loopback
        // themselves (RFC 6761), so those names cannot be rebound.
        if name == "localhost" || name.ends_with(".localhost") {
            return true;
        }
        let literal = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(&name);
        literal.parse::<IpAddr>() == Ok(self.bound)
    }

    /// The names answered, to tell a refused visitor.
    pub fn described(&self) -> String {
        match self.bound {
            IpAddr::V6(ip) => format!("localhost, [{ip}]"),
            IpAddr::V4(ip) => format!("localhost, {ip}"),
        }
    }
}

/// The host of a `Host` value without its port (IPv6 literals keep their
/// brackets); `None` when the port is not a number or the value is empty.
fn without_port(host: &str) -> Option<&str> {
    let (name, port) = if host.starts_with('[') {
        let close = host.find(']')?;
        let (name, rest) = host.split_at(close + 1);
        match rest {
            "" => (name, None),
            rest => (name, Some(rest.strip_prefix(':')?)),
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (port_ok && !name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_loopback_only_the_bound_address_and_localhost_are_answered() {
        let hosts = Hosts::new("127.0.0.1".parse().unwrap());
        for yes in [
            "127.0.0.1",
            "127.0.0.1:1111",
            "localhost",
            "LocalHost:1111",
            "localhost.:1111",
            "preview.localhost:1111",
        ] {
            assert!(hosts.allows(Some(yes)), "{yes}");
        }
        assert!(hosts.allows(None));
        for no in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1.evil.example",
            "localhost.evil.example:1111",
            "evillocalhost",
            "10.0.0.1:1111",
            "127.0.0.2",
            "[::1]:1111",
            "127.0.0.1:x",
            "127.0.0.1:",
            ":1111",
            "",
        ] {
            assert!(!hosts.allows(Some(no)), "{no}");
        }
    }

    #[test]
    fn ipv6_loopback_is_named_in_brackets() {
        let hosts = Hosts::new("::1".parse().unwrap());
        assert!(hosts.allows(Some("[::1]:1111")));
        assert!(hosts.allows(Some("[::1]")));
        assert!(hosts.allows(Some("localhost:1111")));
        assert!(!hosts.allows(Some("127.0.0.1:1111")));
        assert!(!hosts.allows(Some("[::1]x")));
        assert_eq!(hosts.described(), "localhost, [::1]");
    }

    #[test]
    fn binding_another_address_answers_every_host() {
        for bound in ["0.0.0.0", "192.168.1.5", "::"] {
            let hosts = Hosts::new(bound.parse().unwrap());
            assert!(hosts.allows(Some("may-tinh-cua-toi.local:1111")), "{bound}");
        }
    }
}
