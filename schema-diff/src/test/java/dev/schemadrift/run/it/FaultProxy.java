package dev.schemadrift.run.it;

import dev.schemadrift.aws.AwsClients;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small HTTP/1.1 proxy on 127.0.0.1 in front of moto that fails chosen requests the way AWS and
 * networks do: a throttling answer in each service's own wire format, a 500, a server that never
 * answers (the client's read timeout), or a connection reset. Everything else is forwarded. Each
 * connection carries one request ({@code Connection: close}), so a fault never leaks into the next
 * request. Only loopback traffic; every thread ends when the proxy is closed.
 */
public final class FaultProxy implements AutoCloseable {
  /** What goes wrong. */
  public enum Fault {
    THROTTLE,
    SERVER_ERROR,
    TIMEOUT,
    RESET
  }

  /** One request as the proxy read it; header names in lower case. */
  public record Request(String method, String target, Map<String, String> headers, byte[] body) {
    public String path() {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    public String query() {
      int query = target.indexOf('?');
      return query < 0 ? "" : target.substring(query + 1);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String glueOperation() {
      String operation = headers.getOrDefault("x-amz-target", "");
      return operation.startsWith("AWSGlue.") ? operation.substring("AWSGlue.".length()) : null;
    }

    public boolean isLambda() {
      return path().startsWith("/2015-03-31/functions/");
    }
  }

  /**
   * Client limits for tests through the proxy: three attempts, millisecond backoff, a read timeout
   * of 1.5 s (shorter than a TIMEOUT fault's silence).
   */
  public static final AwsClients.Limits CLIENT_LIMITS =
      new AwsClients.Limits(
          3,
          Duration.ofMillis(20),
          Duration.ofSeconds(2),
          Duration.ofMillis(1500),
          Duration.ofSeconds(30));

  private record Rule(Predicate<Request> matches, Fault fault, AtomicInteger remaining) {}

  private final URI upstream;
  private final Duration hang;
  private final ServerSocket server;
  private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final AtomicInteger injected = new AtomicInteger();
  private final Thread acceptor;

  /**
   * @param hang how long a TIMEOUT fault keeps the connection silent (longer than the client's read
   *     timeout)
   */
  public FaultProxy(URI upstream, Duration hang) throws IOException {
    this.upstream = upstream;
    this.hang = hang;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = Thread.ofPlatform().daemon().name("fault-proxy").start(this::accept);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** The next {@code times} requests that match fail with {@code fault}. */
  public void fail(Predicate<Request> matches, Fault fault, int times) {
    rules.add(new Rule(matches, fault, new AtomicInteger(times)));
  }

  /** Forgets every rule: all requests pass again. */
  public void clear() {
    rules.clear();
  }

  /** How many requests were failed so far. */
  public int injected() {
    return injected.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
    try {
      connections.awaitTermination(10, TimeUnit.SECONDS);
      acceptor.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.submit(() -> serve(client));
      } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(30_000);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      List<String> head = readHead(in);
      if (head == null) {
        return;
      }
      Map<String, String> headers = headers(head);
      if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      byte[] body = readBody(in, headers, false);
      String[] requestLine = head.getFirst().split(" ", 3);
      Request request = new Request(requestLine[0], requestLine[1], headers, body);
      Fault fault = match(request);
      if (fault != null) {
        injected.incrementAndGet();
        inject(fault, request, client, out);
        return;
      }
      forward(head, body, out);
    } catch (IOException e) {
      // The client went away or the proxy is closing: nothing to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Fault match(Request request) {
    for (Rule rule : rules) {
      if (rule.matches().test(request) && rule.remaining().getAndDecrement() > 0) {
        return rule.fault();
      }
    }
    return null;
  }

  private void inject(Fault fault, Request request, Socket client, OutputStream out)
      throws IOException, InterruptedException {
    switch (fault) {
      case RESET -> {
        client.setSoLinger(true, 0);
        client.close();
      }
      case TIMEOUT -> Thread.sleep(hang);
      case THROTTLE -> {
        if (request.glueOperation() != null) {
          respond(
              out,
              400,
              "Bad Request",
              "application/x-amz-json-1.1",
              "ThrottlingException",
              "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded (injected)\"}");
        } else if (request.isLambda()) {
          respond(
              out,
              429,
              "Too Many Requests",
              "application/json",
              "TooManyRequestsException",
              "{\"Type\":\"User\",\"message\":\"Rate exceeded (injected)\"}");
        } else {
          respond(out, 503, "Slow Down", "application/xml", null, s3Error("SlowDown"));
        }
      }
      case SERVER_ERROR -> {
        if (request.glueOperation() != null) {
          respond(
              out,
              500,
              "Internal Server Error",
              "application/x-amz-json-1.1",
              "InternalServiceException",
              "{\"__type\":\"InternalServiceException\",\"message\":\"injected\"}");
        } else if (request.isLambda()) {
          respond(
              out,
              500,
              "Internal Server Error",
              "application/json",
              "ServiceException",
              "{\"Type\":\"Service\",\"message\":\"injected\"}");
        } else {
          respond(
              out, 500, "Internal Server Error", "application/xml", null, s3Error("InternalError"));
        }
      }
    }
  }

  private static String s3Error(String code) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
        + code
        + "</Code><Message>injected</Message><RequestId>FAULT</RequestId></Error>";
  }

  private static void respond(
      OutputStream out, int status, String reason, String type, String errorType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n")
            .append("Content-Type: ")
            .append(type)
            .append("\r\n")
            .append("Content-Length: ")
            .append(bytes.length)
            .append("\r\n")
            .append("x-amzn-RequestId: FAULT\r\n")
            .append("Connection: close\r\n");
    if (errorType != null) {
      head.append("x-amzn-ErrorType: ").append(errorType).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private void forward(List<String> head, byte[] body, OutputStream out) throws IOException {
    try (Socket upstreamSocket = new Socket(upstream.getHost(), upstream.getPort())) {
      upstreamSocket.setSoTimeout(30_000);
      OutputStream toUpstream = upstreamSocket.getOutputStream();
      toUpstream.write(
          withConnectionClose(head, Map.of("expect", "")).getBytes(StandardCharsets.ISO_8859_1));
      toUpstream.write(body);
      toUpstream.flush();
      InputStream fromUpstream = new BufferedInputStream(upstreamSocket.getInputStream());
      List<String> responseHead = readHead(fromUpstream);
      if (responseHead == null) {
        return;
      }
      Map<String, String> responseHeaders = headers(responseHead);
      int status = Integer.parseInt(responseHead.getFirst().split(" ", 3)[1]);
      boolean noBody =
          head.getFirst().startsWith("HEAD ") || status == 204 || status == 304 || status < 200;
      byte[] responseBody = noBody ? new byte[0] : readBody(fromUpstream, responseHeaders, true);
      out.write(withConnectionClose(responseHead, Map.of()).getBytes(StandardCharsets.ISO_8859_1));
      out.write(responseBody);
      out.flush();
    }
  }

  /** The head again, without hop-by-hop headers (and the {@code dropped} ones), closing after. */
  private static String withConnectionClose(List<String> head, Map<String, String> dropped) {
    StringBuilder text = new StringBuilder(head.getFirst()).append("\r\n");
    for (String line : head.subList(1, head.size())) {
      String name =
          line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
      if (!name.equals("connection") && !name.equals("keep-alive") && !dropped.containsKey(name)) {
        text.append(line).append("\r\n");
      }
    }
    return text.append("Connection: close\r\n\r\n").toString();
  }

  /** The request or status line and the header lines, or null at the end of the stream. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = readLine(in);
      if (line == null) {
        return lines.isEmpty() ? null : lines;
      }
      if (line.isEmpty()) {
        return lines.isEmpty() ? null : lines;
      }
      lines.add(line);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int next = in.read();
      if (next < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (next == '\n' && previous == '\r') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      }
      line.write(next);
      previous = next;
    }
  }

  private static Map<String, String> headers(List<String> head) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : head.subList(1, head.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
    }
    return headers;
  }

  /** A body by its framing, kept byte for byte (chunks included) for forwarding. */
  private static byte[] readBody(InputStream in, Map<String, String> headers, boolean toEnd)
      throws IOException {
    if (headers
        .getOrDefault("transfer-encoding", "")
        .toLowerCase(Locale.ROOT)
        .contains("chunked")) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in);
        if (sizeLine == null) {
          return raw.toByteArray();
        }
        raw.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
        if (size == 0) {
          String trailer;
          while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
            raw.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          }
          raw.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          return raw.toByteArray();
        }
        raw.write(in.readNBytes(size));
        raw.write(in.readNBytes(2));
      }
    }
    String length = headers.get("content-length");
    if (length != null) {
      return in.readNBytes(Integer.parseInt(length.strip()));
    }
    return toEnd ? in.readAllBytes() : new byte[0];
  }
}
