package dev.schemadrift.log;

import java.util.Locale;
import java.util.Map;

/** How much a log record matters; records below the configured threshold are not written. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /**
   * The threshold from the environment: {@code AWS_LAMBDA_LOG_LEVEL} (set by Lambda from the
   * function's ApplicationLogLevel when its log format is JSON), else {@code LOG_LEVEL}, else INFO.
   * TRACE counts as DEBUG and FATAL as ERROR, the two names Lambda has that we do not.
   */
  public static LogLevel fromEnvironment(Map<String, String> environment) {
    String value = environment.get("AWS_LAMBDA_LOG_LEVEL");
    if (value == null || value.isBlank()) {
      value = environment.get("LOG_LEVEL");
    }
    if (value == null || value.isBlank()) {
      return INFO;
    }
    return switch (value.strip().toUpperCase(Locale.ROOT)) {
      case "TRACE", "DEBUG" -> DEBUG;
      case "WARN", "WARNING" -> WARN;
      case "ERROR", "FATAL" -> ERROR;
      default -> INFO;
    };
  }

  /** Whether a record at {@code level} passes this threshold. */
  public boolean admits(LogLevel level) {
    return level.ordinal() >= ordinal();
  }
}
