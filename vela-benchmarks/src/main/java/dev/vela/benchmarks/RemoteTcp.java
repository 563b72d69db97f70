package dev.vela.benchmarks;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The floor of {@link RemoteGetMain}: a plain TCP ping-pong over blocking sockets, one connection
 * per calling thread and one serving thread per connection. Each call sends a request of the size
 * of a cache's get (the key and a small header) and reads a reply of an encoded {@link Product},
 * which it decodes.
 */
final class RemoteTcp implements RemoteSubject {
  /** A request's size: about what a get of one of the keys puts on the wire besides the transport's headers. */
  private static final int REQUEST_BYTES = 32;
  private static final ProductCodec CODEC = new ProductCodec();

  private final int port;
  private final String[] keys;
  private final Queue<Connection> opened = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Connection> connection;

  private RemoteTcp(int port) {
    this.port = port;
    this.keys = java.util.stream.IntStream.range(0, RemoteProduct.KEYS).mapToObj(RemoteProduct::key).toArray(String[]::new);
    this.connection = ThreadLocal.withInitial(this::open);
  }

  static AutoCloseable serve(int port) throws IOException {
    ServerSocket server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
    CodecOutput out = new CodecOutput(64);
    out.writeByte(0);
    CODEC.encode(Product.numbered(4242), out);
    byte[] reply = out.toByteArray();
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          Thread serving = new Thread(() -> answer(socket, reply), "tcp-ping-pong-" + socket.getPort());
          serving.setDaemon(true);
          serving.start();
        } catch (IOException closed) {
          return;
        }
      }
    }, "tcp-ping-pong-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server::close;
  }

  private static void answer(Socket socket, byte[] reply) {
    try (socket) {
      socket.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      byte[] request = new byte[REQUEST_BYTES];
      byte[] frame = new byte[4 + reply.length];
      frame[3] = (byte) reply.length;
      System.arraycopy(reply, 0, frame, 4, reply.length);
      while (true) {
        int length = in.readInt();
        in.readFully(request, 0, length);
        out.write(frame);
      }
    } catch (IOException closed) {
      // the client has gone
    }
  }

  static RemoteTcp connect(int serverPort) {
    return new RemoteTcp(serverPort);
  }

  private Connection open() {
    try {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      Connection opened = new Connection(socket, new DataInputStream(new BufferedInputStream(socket.getInputStream())),
          new DataOutputStream(socket.getOutputStream()));
      this.opened.add(opened);
      return opened;
    } catch (IOException e) {
      throw new UncheckedIOException("no connection to the ping-pong server on 127.0.0.1:" + port, e);
    }
  }

  @Override
  public String[] remoteKeys() {
    return keys;
  }

  @Override
  public Object get(String key) {
    Connection c = connection.get();
    try {
      byte[] request = c.request;
      byte[] text = key.getBytes(StandardCharsets.UTF_8);
      int length = Math.min(text.length, REQUEST_BYTES - 4);
      request[3] = (byte) (REQUEST_BYTES - 4);
      System.arraycopy(text, 0, request, 4, length);
      c.out.write(request);
      int replyLength = c.in.readInt();
      c.in.readFully(c.reply, 0, replyLength);
      CodecInput in = new CodecInput(c.reply, 1, replyLength - 1);
      return CODEC.decode(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int getAll(List<String> keys) {
    throw new UnsupportedOperationException("a ping-pong has no bulk read");
  }

  @Override
  public boolean hasGetAll() {
    return false;
  }

  @Override
  public void close() {
    for (Connection c : opened) {
      try {
        c.socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** One thread's connection and buffers. */
  private record Connection(Socket socket, DataInputStream in, DataOutputStream out, byte[] request, byte[] reply) {
    Connection(Socket socket, DataInputStream in, DataOutputStream out) {
      this(socket, in, out, new byte[REQUEST_BYTES], new byte[256]);
    }
  }
}
