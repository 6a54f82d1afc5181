package dev.schemadrift.cli;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.TableResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML (the Jenkins/Ant schema CI servers read): one test case per table, a failure
 * for BREAKING and RISKY, an error for ERROR, skipped for NO_DATA.
 */
final class JunitReport {
  private static final String INDENT = "  ";

  private JunitReport() {}

  static byte[] write(RunManifest manifest) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newDefaultFactory()
              .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "schema-drift " + manifest.runId());
      xml.writeAttribute("tests", Integer.toString(manifest.tables().size()));
      xml.writeAttribute("failures", Integer.toString(count(manifest, Outcome.FAILURE)));
      xml.writeAttribute("errors", Integer.toString(count(manifest, Outcome.ERROR)));
      xml.writeAttribute("skipped", Integer.toString(count(manifest, Outcome.SKIPPED)));
      for (TableResult table : manifest.tables()) {
        testCase(xml, table.artifact());
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("JUnit XML could not be written to memory", e);
    }
    return bytes.toByteArray();
  }

  /** What a table's status is in JUnit's terms. */
  private enum Outcome {
    PASSED,
    FAILURE,
    ERROR,
    SKIPPED
  }

  private static Outcome outcome(DiffArtifact artifact) {
    return switch (artifact.status()) {
      case OK, SAFE -> Outcome.PASSED;
      case RISKY, BREAKING -> Outcome.FAILURE;
      case ERROR -> Outcome.ERROR;
      case NO_DATA -> Outcome.SKIPPED;
    };
  }

  private static int count(RunManifest manifest, Outcome outcome) {
    return (int)
        manifest.tables().stream().filter(table -> outcome(table.artifact()) == outcome).count();
  }

  private static void testCase(XMLStreamWriter xml, DiffArtifact artifact)
      throws XMLStreamException {
    xml.writeCharacters("\n" + INDENT);
    Outcome outcome = outcome(artifact);
    if (outcome == Outcome.PASSED) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("classname", "schema-drift." + text(artifact.table().database()));
    xml.writeAttribute("name", text(artifact.table().name()));
    switch (outcome) {
      case PASSED -> {
        return;
      }
      case ERROR -> {
        xml.writeCharacters("\n" + INDENT + INDENT);
        xml.writeEmptyElement("error");
        xml.writeAttribute("type", text(artifact.error().kindName()));
        xml.writeAttribute("message", text(artifact.error().message()));
      }
      case FAILURE -> {
        xml.writeCharacters("\n" + INDENT + INDENT);
        xml.writeStartElement("failure");
        xml.writeAttribute("type", artifact.status().name());
        xml.writeAttribute(
            "message",
            artifact.counts().breaking() + " breaking, " + artifact.counts().risky() + " risky");
        for (Finding finding : artifact.findings()) {
          if (finding.counts()) {
            xml.writeCharacters(
                text(
                    finding.severity()
                        + " "
                        + finding.rule()
                        + " "
                        + finding.path()
                        + ": "
                        + finding.reason()
                        + "\n"));
          }
        }
        xml.writeEndElement();
      }
      case SKIPPED -> {
        xml.writeCharacters("\n" + INDENT + INDENT);
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", "no data files");
      }
    }
    xml.writeCharacters("\n" + INDENT);
    xml.writeEndElement();
  }

  /**
   * XML 1.0 cannot carry most control characters, not even as references, and a Glue type string or
   * an error message may quote one: each becomes '?', so the file stays well-formed.
   */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int index = 0; index < value.length(); index++) {
      char c = value.charAt(index);
      boolean allowed =
          c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
      out.append(allowed ? c : '?');
    }
    return out.toString();
  }
}
