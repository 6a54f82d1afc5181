package dev.schemadrift.run;

/** An event run's listener for tests whose every message must be read and used. */
final class StrictEventListener implements EventRun.Listener {
  @Override
  public void unreadable(String messageId, String problem) {
    throw new AssertionError(messageId + " unreadable: " + problem);
  }

  @Override
  public void ignored(String messageId, String reason) {
    throw new AssertionError(messageId + " ignored: " + reason);
  }
}
