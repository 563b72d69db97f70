package dev.vela.cluster;

import dev.vela.config.HostList;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jgroups.JChannel;
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
 *
 * <p>Failure detection, in two ways on each stack, each suspicion checked by VERIFY_SUSPECT2 (a question sent
 * through the transport, which a live member answers) before the member leaves the view:
 * <ul>
 *   <li>on a plain stack, FD_SOCK2: connections of its own to a neighbour, outside the transport,
 *       which close when its process dies. It cannot run over TLS (its server is a non-blocking
 *       one, which JGroups' TLS does not wrap), and the seal does not cover its sockets, so a
 *       secured stack leaves it out;
 *   <li>on a secured stack, the transport's own connections instead (the ones the seal or TLS
 *       covers): when one closes without the peer's goodbye, its process has most likely died,
 *       and the peer is suspected at once, so a crash is noticed as fast as on a plain stack. A
 *       plain stack keeps to FD_SOCK2: connections also close for other reasons than a crash, and
 *       each such suspicion rests on the check alone, which a heavily loaded node may not answer
 *       in time;
 *   <li>FD_ALL3 heartbeats, sealed like any message: a member silent for {@code failureTimeout}
 *       (stopped, hung, or cut off, where no connection closes) is suspected.
 * </ul>
 */
final class TcpStack {
  /** Ports tried after the default one when no port is given, so a few nodes fit on one host. */
  private static final int DEFAULT_PORT_RANGE = 10;
  /** Heartbeats sent within one failureTimeout: a member is suspected after missing this many. */
  private static final long HEARTBEATS_PER_TIMEOUT = 4;
  /** How long a suspected member has to answer that it lives, at most. */
  private static final long MAX_VERIFY_MILLIS = 1_000;

  private TcpStack() {}

  /**
   * A channel on the built-in stack, whose transport delivers frames of calls on the thread that
   * read them ({@link DirectFrames}); the transport builds its own policy when the channel is made,
   * so this one replaces it then, before the channel connects.
   */
  static JChannel channel(ClusterSettings settings) throws Exception {
    JChannel channel = new JChannel(protocols(settings));
    DirectFrames.install(channel.getProtocolStack().getTransport());
    return channel;
  }

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
    // otherwise wait for the peer's delayed ACK, about 40 ms. No JGroups bundler: Vela batches its
    // own calls and replies (CallTransport's outboxes), sending a lone call on the caller's thread at
    // once and the calls that pile up meanwhile in one message; a bundler would add a thread switch
    // each way to every call and batch nothing more
    TCP transport = new TcpTransport();
    transport.setValue("tcp_nodelay", true).setValue("bundler_type", "no-bundler")
        .setValue("bind_addr", bindAddr).setValue("bind_port", port).setValue("port_range", portRange);
    if (settings.tls().enabled()) {
      transport.tls(tls(settings.tls()));
    } else {
      // accepted connections keep blocking reads: one system call per read instead of three
      transport.setSocketFactory(BlockingReads.socketFactory());
    }
    stack.add(transport);
    if (settings.encrypted()) {
      // right above the transport: discovery is encrypted too, so a node without the key finds no one
      stack.addAll(ClusterEncryption.protocols(settings.clusterSecret(), settings.clusterName()));
    }
    stack.add(new TCPPING().setInitialHosts2(initialHosts).setPortRange(portRange));
    stack.add(new MERGE3().setMinInterval(1_000).setMaxInterval(3_000));
    if (secured(settings)) {
      // the transport's own connections stand in for FD_SOCK2's, which neither the seal nor TLS covers
      transport.setValue("enable_suspect_events", true);
    } else {
      stack.add(new FD_SOCK2().setBindAddress(bindAddr));
    }
    long silentMillis = settings.failureTimeout().toMillis();
    stack.add(new FD_ALL3().setTimeout(silentMillis).setInterval(silentMillis / HEARTBEATS_PER_TIMEOUT));
    stack.add(new VERIFY_SUSPECT2().setTimeout(Math.min(MAX_VERIFY_MILLIS, silentMillis / 2)));
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
