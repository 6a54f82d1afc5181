package dev.schemadrift.log;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One SLF4J logger writing through a {@link JsonLog}; TRACE counts as DEBUG. */
final class JsonLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient JsonLog log;

  JsonLogger(String name, JsonLog log) {
    this.name = name;
    this.log = log;
  }

  private static LogLevel level(Level level) {
    return switch (level) {
      case TRACE, DEBUG -> LogLevel.DEBUG;
      case INFO -> LogLevel.INFO;
      case WARN -> LogLevel.WARN;
      case ERROR -> LogLevel.ERROR;
    };
  }

  @Override
  public boolean isTraceEnabled() {
    return log.enabled(LogLevel.DEBUG);
  }

  @Override
  public boolean isDebugEnabled() {
    return log.enabled(LogLevel.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return log.enabled(LogLevel.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return log.enabled(LogLevel.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return log.enabled(LogLevel.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    Map<String, Object> fields = new LinkedHashMap<>();
    // Tells them apart from the functions' own records, which carry an error "kind" instead.
    fields.put("source", "slf4j");
    if (throwable != null) {
      fields.put("exception", throwable.getClass().getName());
      fields.put("exception_message", String.valueOf(throwable.getMessage()));
    }
    log.log(level(level), name, MessageFormatter.basicArrayFormat(pattern, arguments), fields);
  }
}
