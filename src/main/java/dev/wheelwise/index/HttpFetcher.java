package dev.wheelwise.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Cache;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * GET with the safety rules an index client needs: the HTTP cache (OkHttp honours
 * Cache-Control and revalidates with ETag/Last-Modified), bounded retries with backoff on 5xx
 * and connection errors, a body size limit, and redirects followed by hand so that
 * credentials go only to the host they belong to and https is never downgraded.
 */
final class HttpFetcher implements AutoCloseable {
  private static final int MAX_REDIRECTS = 5;

  /**
   * A finished response: status, final URL, content type, body, and for a 206 the
   * {@code Content-Range} ({@code bytes START-END/TOTAL}; empty otherwise).
   */
  record Result(int code, String url, String contentType, byte[] body, boolean fromCache, String contentRange) {}

  // Two clients over one dispatcher, pool and cache: TLS set-up (the trust store) costs a few
  // hundred milliseconds of start-up, so it is paid only when an https URL is fetched.
  private final OkHttpClient.Builder template;
  private final Dispatcher dispatcher;
  private final ConnectionPool pool;
  private final Cache cache;
  private OkHttpClient cleartext;
  private OkHttpClient tls;
  private final HttpSettings settings;
  private final Map<String, Credentials> credentialsByHost;
  private final Netrc netrc;

  HttpFetcher(HttpSettings settings, Map<String, Credentials> credentialsByHost, Netrc netrc) {
    this(settings, credentialsByHost, netrc, line -> {});
  }

  /** As above, saying each request and whether the cache answered it on {@code requests} (--verbose). */
  HttpFetcher(HttpSettings settings, Map<String, Credentials> credentialsByHost, Netrc netrc, Consumer<String> requests) {
    this.settings = settings;
    this.credentialsByHost = Map.copyOf(credentialsByHost);
    this.netrc = netrc;
    this.dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(settings.parallelism());
    dispatcher.setMaxRequestsPerHost(settings.parallelism());
    this.pool = new ConnectionPool(settings.parallelism(), 30, TimeUnit.SECONDS);
    this.cache = settings.cacheDir().map(dir -> new Cache(dir.toFile(), settings.cacheMaxBytes())).orElse(null);
    this.template =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false) // our own loop retries, with backoff and a bound
            .dispatcher(dispatcher)
            .connectionPool(pool)
            .cache(cache)
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .callTimeout(settings.callTimeout())
            .addInterceptor(chain -> said(chain.proceed(chain.request()), requests));
  }

  /** One line per request as the cache and the network answered it; the URL without its credentials. */
  private static Response said(Response response, Consumer<String> requests) {
    String range = response.request().header("Range");
    String how = response.networkResponse() == null ? "from the HTTP cache"
        : response.cacheResponse() != null ? "revalidated, the cached copy used" : "from the network";
    requests.accept("GET " + Redaction.redactUrl(response.request().url().toString()) + (range != null ? " (" + range + ")" : "")
        + ": " + response.code() + ", " + how);
    return response;
  }

  private synchronized OkHttpClient client(HttpUrl url) {
    if (url.isHttps()) {
      if (tls == null) {
        tls = template.connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)).build();
      }
      return tls;
    }
    if (cleartext == null) {
      cleartext = template.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }
    return cleartext;
  }

  /** GET {@code url} with {@code accept}; 404 is returned as a result, other failures throw. */
  Result get(String url, String accept) throws IndexError {
    return get(url, accept, Optional.empty(), true, settings.maxBodyBytes());
  }

  /** As {@link #get(String, String)}, refusing a body above {@code maxBytes} (an sdist's download cap). */
  Result get(String url, String accept, long maxBytes) throws IndexError {
    return get(url, accept, Optional.empty(), true, Math.min(maxBytes, settings.maxBodyBytes()));
  }

  /**
   * GET part of {@code url} ({@code range} is a {@code Range} header value, RFC 9110 §14.2): a
   * server that honours it answers 206, one that does not answers 200 with the whole body (then
   * bounded as any body is). Without {@code wholeFileAllowed} that 200 is returned with an empty
   * body: the call is cancelled as soon as its status is known, so the file is not downloaded.
   */
  Result getRange(String url, String range, boolean wholeFileAllowed) throws IndexError {
    return get(url, "*/*", Optional.of(range), wholeFileAllowed, settings.maxBodyBytes());
  }

  private Result get(String url, String accept, Optional<String> range, boolean wholeFileAllowed, long limit) throws IndexError {
    String current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Result r = getWithRetries(current, accept, range, wholeFileAllowed, limit);
      if (!isRedirect(r.code())) {
        return r;
      }
      String location = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
      if (location.isEmpty()) {
        throw new IndexError(url, "HTTP " + r.code() + " redirect without a Location header");
      }
      String next = Urls.resolve(current, location);
      if (isDowngrade(current, next)) {
        throw new IndexError(url, "refused redirect from https to plain http (" + Redaction.redactUrl(next) + ")");
      }
      current = next;
    }
    throw new IndexError(url, "more than " + MAX_REDIRECTS + " redirects");
  }

  /** https to plain http would expose what https protected; pip's requests refuses it too for credentials. */
  static boolean isDowngrade(String from, String to) {
    return from.regionMatches(true, 0, "https:", 0, 6) && to.regionMatches(true, 0, "http:", 0, 5);
  }

  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  private Result getWithRetries(String url, String accept, Optional<String> range, boolean wholeFileAllowed, long limit)
      throws IndexError {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IndexError(url, "not an http(s) URL");
    }
    Request.Builder rb = new Request.Builder().url(parsed).header("Accept", accept).header("User-Agent", "wheelwise");
    credentialsFor(url).ifPresent(c -> rb.header("Authorization", c.basicHeader()));
    // With a Range header OkHttp asks for no gzip, so the bytes are the file's own.
    range.ifPresent(r -> rb.header("Range", r));
    Request request = rb.build();
    IndexError last = null;
    int staleRetries = 0;
    boolean stale = false;
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      if (stale) {
        // The pooled connection had been closed by the server (HTTP/1.0, Connection: close, an
        // idle timeout): not a failure of the server, so retried at once on a new connection.
        stale = false;
      } else if (attempt > 1) {
        sleep(Math.min(settings.backoff().toMillis() << (attempt - 2), Math.max(0, settings.deadline().remainingMillis())));
      }
      long left = settings.deadline().remainingMillis();
      if (left <= 0) {
        throw settings.deadline().exceeded(url);
      }
      Call call = client(parsed).newCall(request);
      if (left < settings.callTimeout().toMillis()) {
        // what is left of the run bounds this request as the call timeout does
        call.timeout().timeout(left, TimeUnit.MILLISECONDS);
      }
      try (Response response = call.execute()) {
        int code = response.code();
        if (code >= 500 || code == 429) {
          last = new IndexError(url, "HTTP " + code + " " + response.message() + " after " + attempt + " attempt" + (attempt == 1 ? "" : "s"));
          continue;
        }
        if (isRedirect(code)) {
          String location = response.header("Location", "");
          return new Result(code, url, "", location.getBytes(java.nio.charset.StandardCharsets.UTF_8), false, "");
        }
        if (code == 404) {
          return new Result(code, url, "", new byte[0], response.cacheResponse() != null, "");
        }
        if (code == 401 || code == 403) {
          throw new IndexError(url, "HTTP " + code + " " + response.message() + " (credentials missing or refused)");
        }
        if (code >= 400) {
          throw new IndexError(url, "HTTP " + code + " " + response.message());
        }
        String type = response.header("Content-Type", "");
        if (code == 200 && range.isPresent() && !wholeFileAllowed) {
          // Closing alone would let OkHttp drain the body to reuse the connection; cancelling drops it.
          call.cancel();
          return new Result(code, url, type, new byte[0], false, "");
        }
        byte[] body = readLimited(response, url, limit);
        return new Result(code, url, type, body, response.networkResponse() == null,
            code == 206 ? response.header("Content-Range", "") : "");
      } catch (IndexError e) {
        throw e;
      } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
        last = new IndexError(url, "cannot connect: " + Redaction.redactText(String.valueOf(e.getMessage())), e).markUnreachable();
      } catch (InterruptedIOException e) {
        if (settings.deadline().remainingMillis() <= 0) {
          throw settings.deadline().exceeded(url);
        }
        last = new IndexError(url, "timed out after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + ": " + Redaction.redactText(String.valueOf(e.getMessage())), e);
      } catch (IOException e) {
        if (settings.deadline().remainingMillis() <= 0) {
          throw settings.deadline().exceeded(url);
        }
        last = new IndexError(url, "connection failed: " + Redaction.redactText(String.valueOf(e.getMessage())), e);
        if (isStaleConnection(e) && staleRetries++ < settings.parallelism() + 1) {
          stale = true;
          attempt--;
        }
      }
    }
    throw last;
  }

  /** The server closed a kept-alive connection before answering on it: OkHttp's words for that. */
  static boolean isStaleConnection(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof java.io.EOFException || m.contains("unexpected end of stream") || m.contains("Connection reset")
          || m.contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }

  private byte[] readLimited(Response response, String url, long limit) throws IOException, IndexError {
    ResponseBody body = response.body();
    if (body == null) {
      return new byte[0];
    }
    // A caller's smaller cap (an sdist's) names its own option; the general one is --max-response-size.
    String raise = limit < settings.maxBodyBytes() ? "" : "; raise it with --max-response-size";
    if (body.contentLength() > limit) {
      throw new IndexError(url, "response of " + body.contentLength() + " bytes exceeds the limit of " + limit + " bytes" + raise);
    }
    BufferedSource source = body.source();
    if (source.request(limit + 1)) {
      throw new IndexError(url, "response exceeds the limit of " + limit + " bytes" + raise);
    }
    return source.getBuffer().readByteArray();
  }

  /** Credentials of the configured index on this host, else the netrc entry for the host. */
  private Optional<Credentials> credentialsFor(String url) {
    Credentials c = credentialsByHost.get(HostKey.of(url));
    if (c != null) {
      return Optional.of(c);
    }
    return netrc.forHost(HostKey.host(url));
  }

  private static void sleep(long millis) throws IndexError {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexError("(interrupted)", "interrupted while waiting to retry");
    }
  }

  @Override
  public void close() {
    dispatcher.executorService().shutdown();
    pool.evictAll();
    if (cache != null) {
      try {
        cache.close();
      } catch (IOException e) {
        // the cache is an optimization; a failure to close it loses nothing the next run needs
      }
    }
  }
}
