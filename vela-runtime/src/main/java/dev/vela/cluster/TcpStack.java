package dev.vela.cluster;

import dev.vela.config.HostList;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jgroups.PhysicalAddress;
import org.jgroups.protocols.BARRIER;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.IpAddress;
import org.jgroups.stack.Protocol;
import org.jgroups.util.TLS;
import org.jgroups.util.TLSClientAuth;

/**
 * The built-in JGroups stack: TCP with a static host list (TCPPING), on one address only. Every
 * listening protocol binds to {@code bindAddr}, or FD_SOCK2 would listen on all interfaces. Merges
 * are checked every few seconds, so two nodes that started at the same moment soon form one view.
 * With a {@code clusterSecret} every message is sealed (see {@link ClusterEncryption}); with TLS
 * every connection is TLS with mutual authentication; either way nothing travels outside the
 * transport.
 */
final class TcpStack {
  /** Ports tried after the default one when no port is given, so a few nodes fit on one host. */
  private static final int DEFAULT_PORT_RANGE = 10;

  private TcpStack() {}

  static List<Protocol> protocols(ClusterSettings settings) throws UnknownHostException {
    InetAddress bindAddr = InetAddress.getByName(settings.bindAddr());
    int port = settings.effectivePort();
    int portRange = settings.port() == 0 ? DEFAULT_PORT_RANGE : 0;
    List<PhysicalAddress> initialHosts = new ArrayList<>();
    if (settings.initialHosts().isBlank()) {
      initialHosts.add(new IpAddress(bindAddr, port));
    } else {
      for (HostList.Host host : HostList.parse("initialHosts", settings.initialHosts())) {
        initialHosts.add(new IpAddress(host.host(), host.port()));
      }
    }
    long joinMillis = settings.joinTimeout().toMillis();
    List<Protocol> stack = new ArrayList<>();
    // no Nagle: a small one-way message (a near-cache invalidation) sent after a reply would
    // otherwise wait for the peer's delayed ACK, about 40 ms. No bundler: a cache call is one small
    // request and one small reply, and handing them to a bundling thread adds a thread switch each
    // way (a remote get's median on loopback fell from about 125 to 105 µs in a benchmark run)
    TCP transport = new TCP();
    transport.setValue("tcp_nodelay", true).setValue("bundler_type", "no-bundler")
        .setValue("bind_addr", bindAddr).setValue("bind_port", port).setValue("port_range", portRange);
    if (settings.tls().enabled()) {
      transport.tls(tls(settings.tls()));
    }
    stack.add(transport);
    if (settings.encrypted()) {
      // right above the transport: discovery is encrypted too, so a node without the key finds no one
      stack.addAll(ClusterEncryption.protocols(settings.clusterSecret(), settings.clusterName()));
    }
    stack.add(new TCPPING().setInitialHosts2(initialHosts).setPortRange(portRange));
    stack.add(new MERGE3().setMinInterval(1_000).setMaxInterval(3_000));
    if (!secured(settings)) {
      // FD_SOCK2 notices a crash at once, over connections of its own outside the transport, which
      // neither the seal nor TLS covers; a secured stack leaves it out, and FD_ALL3's heartbeats,
      // which travel through the transport, notice a crash within their timeout instead
      stack.add(new FD_SOCK2().setBindAddress(bindAddr));
    }
    stack.add(new FD_ALL3().setTimeout(10_000).setInterval(2_000));
    stack.add(new VERIFY_SUSPECT2().setTimeout(1_000));
    stack.add(new BARRIER());
    stack.add(new NAKACK2().setValue("use_mcast_xmit", false));
    stack.add(new UNICAST3());
    stack.add(new STABLE());
    stack.add(new GMS().setJoinTimeout(joinMillis).setValue("print_local_addr", false));
    stack.add(new MFC());
    stack.add(new UFC());
    stack.add(new FRAG4());
    return stack;
  }

  /** True when the stack seals or TLS-wraps its traffic, so it must carry nothing outside the transport. */
  static boolean secured(ClusterSettings settings) {
    return settings.encrypted() || settings.tls().enabled();
  }

  /** TLS 1.3 on the transport, each side required to present a certificate the other trusts. */
  private static TLS tls(ClusterTls settings) {
    return new TLS().enabled(true)
        .setProtocols(new String[] {"TLSv1.3"})
        .setKeystorePath(settings.keyStore()).setKeystorePassword(settings.keyStorePassword()).setKeystoreType("PKCS12")
        .setTruststorePath(settings.trustStore()).setTruststorePassword(settings.trustStorePassword())
        .setTruststoreType("PKCS12")
        .setClientAuth(TLSClientAuth.NEED);
  }
}
