package dev.schemadrift.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the scenario's report bucket to a folder for a look in a browser (not a test): {@code java
 * -cp … dev.schemadrift.report.SiteWriter target/site}.
 */
public final class SiteWriter {
  private SiteWriter() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "target/site");
    MemoryObjectStore store = Scenario.store();
    Scenario.generate(store);
    store.copyTo(Scenario.BUCKET, folder);
    System.out.println("wrote " + folder.toAbsolutePath().resolve("index.html"));
  }
}
