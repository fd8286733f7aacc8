package dev.wheelwise.resolve;

import dev.wheelwise.index.LoopbackIndex;
import java.nio.file.Path;

/**
 * Benchmark helper, not a test: serves every registry release of one uv.lock as
 * {@link PipOracle#serve} does (real file names, PEP 658 metadata, generated wheels and sdists)
 * on 127.0.0.1, prints the index's base URL, and serves until killed. Run by
 * benchmarks/check-vs-pip.sh.
 *
 * <p>Arguments: {@code UV_LOCK}.
 */
public final class LockIndexServer {
  private LockIndexServer() {}

  public static void main(String[] args) throws Exception {
    LockUniverse universe = LockUniverse.ofLock(Path.of(args[0]));
    LoopbackIndex index = new LoopbackIndex(null);
    PipOracle.serve(index, universe);
    System.out.println(index.base());
    System.out.flush();
    Thread.currentThread().join();
  }
}
