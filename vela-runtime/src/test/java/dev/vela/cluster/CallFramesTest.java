package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame layout of calls and replies between nodes. */
class CallFramesTest {

  @Test
  void callsProbesAndRepliesReadBackAsTheyWereWritten() {
    byte[] frame = CallFrames.write(List.of(
        new CallFrames.Call(7, false, "users", new byte[] {1, 2, 3}),
        new CallFrames.Call(8, true, "orders", new byte[0]),
        new CallFrames.Answer(300_000_000_000L, new byte[] {9})));

    CallFrames.Frame read = CallFrames.read(frame, 0, frame.length);

    assertThat(read.version()).isEqualTo(CallFrames.VERSION);
    assertThat(read.entries()).hasSize(3);
    CallFrames.Call first = (CallFrames.Call) read.entries().get(0);
    assertThat(first.id()).isEqualTo(7);
    assertThat(first.probe()).isFalse();
    assertThat(first.cache()).isEqualTo("users");
    assertThat(first.payload()).containsExactly(1, 2, 3);
    CallFrames.Call probe = (CallFrames.Call) read.entries().get(1);
    assertThat(probe.probe()).isTrue();
    assertThat(probe.payload()).isEmpty();
    CallFrames.Answer answer = (CallFrames.Answer) read.entries().get(2);
    assertThat(answer.id()).isEqualTo(300_000_000_000L);
    assertThat(answer.payload()).containsExactly(9);
  }

  @Test
  void aFrameOfAnotherVersionIsNotRead() {
    byte[] frame = CallFrames.write(List.of(new CallFrames.Answer(1, new byte[] {1})));
    frame[0] = (byte) (CallFrames.VERSION + 1);

    CallFrames.Frame read = CallFrames.read(frame, 0, frame.length);

    assertThat(read.version()).isEqualTo(CallFrames.VERSION + 1);
    assertThat(read.entries()).isEmpty();
  }

  @Test
  void aRefusalNamesTheVersionTheRefusingNodeSpeaks() {
    byte[] refusal = CallFrames.refusal();

    CallFrames.Frame read = CallFrames.read(refusal, 0, refusal.length);

    assertThat(read.refused()).isTrue();
    assertThat(read.refuserVersion()).isEqualTo(CallFrames.VERSION);
    assertThat(read.entries()).isEmpty();
  }

  @Test
  void anUnknownEntryCodeIsAnError() {
    byte[] frame = CallFrames.write(List.of(new CallFrames.Answer(1, new byte[] {1})));
    frame[2] = 42; // the entry's code, after the version and the count

    assertThatThrownBy(() -> CallFrames.read(frame, 0, frame.length))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown cluster frame entry code 42");
  }
}
