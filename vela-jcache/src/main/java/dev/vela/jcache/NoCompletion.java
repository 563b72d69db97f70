package dev.vela.jcache;

import javax.cache.integration.CompletionListener;

/** The completion listener of a {@code loadAll} caller that gave none. */
final class NoCompletion implements CompletionListener {
  @Override
  public void onCompletion() {}

  @Override
  public void onException(Exception e) {}
}
