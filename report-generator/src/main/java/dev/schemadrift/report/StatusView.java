package dev.schemadrift.report;

import dev.schemadrift.artifact.Status;
import dev.schemadrift.rule.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How a status (or a finding's severity) is shown: its name, a label, the CSS class that colours it
 * and a one-letter mark for places too small for the word. Colour is never the only signal.
 */
public record StatusView(String name, String label, String css, String letter) {

  /** Every status in attention order: BREAKING, ERROR, RISKY, NO_DATA, SAFE, OK. */
  public static final List<Status> ATTENTION_ORDER =
      List.of(Status.BREAKING, Status.ERROR, Status.RISKY, Status.NO_DATA, Status.SAFE, Status.OK);

  public static final Comparator<Status> BY_ATTENTION =
      Comparator.comparingInt(ATTENTION_ORDER::indexOf);

  public static StatusView of(Status status) {
    String label =
        switch (status) {
          case OK -> "OK";
          case SAFE -> "Safe";
          case RISKY -> "Risky";
          case BREAKING -> "Breaking";
          case NO_DATA -> "No data";
          case ERROR -> "Error";
        };
    String letter =
        switch (status) {
          case OK -> "✓";
          case SAFE -> "S";
          case RISKY -> "R";
          case BREAKING -> "B";
          case NO_DATA -> "–";
          case ERROR -> "!";
        };
    return new StatusView(
        status.name(),
        label,
        "st-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        letter);
  }

  public static StatusView of(Severity severity) {
    return of(Status.of(severity));
  }

  /** The views of every status, in attention order (legends, totals). */
  public static List<StatusView> all() {
    return ATTENTION_ORDER.stream().map(StatusView::of).toList();
  }
}
