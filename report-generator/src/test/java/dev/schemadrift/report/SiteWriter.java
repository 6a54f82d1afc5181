package dev.schemadrift.report;

import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.port.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
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
    copy(store, Scenario.BUCKET, folder);
    System.out.println("wrote " + folder.toAbsolutePath().resolve("index.html"));
  }

  /** Copies a bucket's objects into a folder, as {@code aws s3 sync} would. */
  static void copy(ObjectStore store, String bucket, Path folder) throws IOException {
    for (ObjectStore.StoredObject object : store.list(bucket, "", Integer.MAX_VALUE)) {
      Path file = folder.resolve(object.key());
      Files.createDirectories(file.getParent());
      Files.write(file, store.get(bucket, object.key()).orElseThrow());
    }
  }
}
