package dev.vela.jcache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import java.util.UUID;
import javax.cache.CacheException;

/**
 * The default {@link Copier}: immutable JDK values are shared, byte arrays cloned, and any other
 * {@link Serializable} object copied by writing it to a byte array in memory and reading it back at
 * once, in the same process and class loader (see {@link Copier} for why that never puts Java
 * serialization on a boundary). Anything else is refused with a message that says what to do.
 */
final class InProcessCopier implements Copier {
  private static final Set<Class<?>> IMMUTABLE = Set.of(
      String.class, Boolean.class, Character.class, Byte.class, Short.class, Integer.class, Long.class,
      Float.class, Double.class, BigInteger.class, BigDecimal.class, UUID.class, Class.class);

  private final ClassLoader classLoader;

  InProcessCopier(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T copy(T object) {
    Class<?> type = object.getClass();
    if (IMMUTABLE.contains(type) || object instanceof Enum<?>
        || object instanceof TemporalAccessor && type.getName().startsWith("java.time.")) {
      return object;
    }
    if (object instanceof byte[] bytes) {
      return (T) bytes.clone();
    }
    if (!(object instanceof Serializable)) {
      throw new IllegalArgumentException("a store-by-value cache cannot copy " + type.getName()
          + ": it is not Serializable; make it Serializable, or give the cache a Copier with"
          + " VelaCacheConfiguration.setCopier");
    }
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
      try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
        out.writeObject(object);
      }
      try (ObjectInputStream in = new LoaderInput(new ByteArrayInputStream(buffer.toByteArray()), classLoader)) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new CacheException("a store-by-value cache could not copy a " + type.getName() + ": " + e, e);
    }
  }

  /** Resolves classes with the cache's class loader, which may see types the JDK's default does not. */
  private static final class LoaderInput extends ObjectInputStream {
    private final ClassLoader classLoader;

    LoaderInput(InputStream in, ClassLoader classLoader) throws IOException {
      super(in);
      this.classLoader = classLoader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(description.getName(), false, classLoader);
      } catch (ClassNotFoundException notThere) {
        return super.resolveClass(description);
      }
    }
  }
}
