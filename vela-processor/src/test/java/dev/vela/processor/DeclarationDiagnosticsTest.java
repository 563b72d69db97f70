package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks on the annotated type: its kind, reach, supertype, type arguments and abstract methods. */
class DeclarationDiagnosticsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "public class UserCache {}                    | a class",
      "public enum UserCache { ONE }                | an enum",
      "public record UserCache(String id) {}        | a record",
      "public @interface UserCache {}               | an annotation type"})
  void rejectsAnythingButAnInterface(String declaration, String kind) {
    JavaFileObject source = Sources.acme("UserCache", "@VelaCache", declaration);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@VelaCache belongs on an interface, but com.acme.UserCache is " + kind
                + "; declare an interface that extends dev.vela.Cache<K, V>")
        .inFile(source).onLineContaining(declaration.trim());
  }

  @Test
  void rejectsAnInterfaceThatIsNoCache() {
    JavaFileObject source = Sources.acme("UserCache", "@VelaCache", "public interface UserCache extends Runnable {}");

    assertThat(compile(source)).hadErrorContaining(
            "com.acme.UserCache must extend dev.vela.Cache<K, V>; add, for example, 'extends Cache<String, User>'")
        .inFile(source).onLineContaining("interface UserCache");
  }

  @Test
  void rejectsTheRawCache() {
    JavaFileObject source = Sources.acme("UserCache",
        "@SuppressWarnings(\"rawtypes\")", "@VelaCache", "public interface UserCache extends Cache {}");

    assertThat(compile(source)).hadErrorContaining(
            "the key and value type of com.acme.UserCache is not given, because it extends the raw type Cache,"
                + " but it must be a concrete type")
        .inFile(source).onLineContaining("interface UserCache");
  }

  @Test
  void rejectsAGenericInterfaceAndItsTypeVariable() {
    JavaFileObject source = Sources.acme("UserCache",
        "@VelaCache", "public interface UserCache<V> extends Cache<String, V> {}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "com.acme.UserCache declares the type parameters <V>, but the generated class must fix every type")
        .inFile(source).onLineContaining("interface UserCache");
    assertThat(compilation).hadErrorContaining(
            "the value type of com.acme.UserCache is V, but it must be a concrete type")
        .inFile(source).onLineContaining("interface UserCache");
  }

  @Test
  void findsTheTypeArgumentsThroughAnIntermediateInterface() {
    JavaFileObject base = Sources.acme("Keyed", "public interface Keyed<V> extends Cache<String, V> {}");
    JavaFileObject source = Sources.acme("UserCache", "@VelaCache", "public interface UserCache extends Keyed<Integer> {}");

    Compilation compilation = compile(base, source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache")
        .contentsAsUtf8String().contains("extends ForwardingCache<String, Integer> implements UserCache");
  }

  @Test
  void rejectsAnArrayKey() {
    JavaFileObject source = Sources.acme("ArrayKeyCache",
        "@VelaCache", "public interface ArrayKeyCache extends Cache<byte[], String> {}");

    assertThat(compile(source)).hadErrorContaining(
            "the key type of com.acme.ArrayKeyCache is the array byte[], whose equals and hashCode compare identity")
        .inFile(source).onLineContaining("interface ArrayKeyCache");
  }

  @Test
  void acceptsAByteArrayValue() {
    JavaFileObject source = Sources.acme("BytesCache",
        "@VelaCache", "public interface BytesCache extends Cache<String, byte[]> {}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaBytesCache")
        .contentsAsUtf8String().contains("extends ForwardingCache<String, byte[]> implements BytesCache");
  }

  @Test
  void rejectsAPrivateInterfaceAndOneInsideAPrivateClass() {
    JavaFileObject source = Sources.acme("Holder",
        "public class Holder {",
        "  @VelaCache(name = \"first\")",
        "  private interface Hidden extends Cache<String, String> {}",
        "  private static class Closed {",
        "    @VelaCache(name = \"second\")",
        "    interface Inside extends Cache<String, String> {}",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "com.acme.Holder.Hidden is private; the generated class lives in the same package and needs at least package access")
        .inFile(source).onLineContaining("interface Hidden");
    assertThat(compilation).hadErrorContaining("com.acme.Holder.Closed is private")
        .inFile(source).onLineContaining("interface Inside");
  }

  @Test
  void rejectsASealedInterface() {
    JavaFileObject source = Sources.acme("UserCache",
        "@VelaCache",
        "public sealed interface UserCache extends Cache<String, String> permits UserCache.Only {",
        "  non-sealed interface Only extends UserCache {}",
        "}");

    assertThat(compile(source)).hadErrorContaining(
            "com.acme.UserCache is sealed, so the generated class, which implements it, is not permitted to")
        .inFile(source).onLineContaining("sealed interface UserCache");
  }

  @Test
  void acceptsAnInterfaceNestedInAnInnerClass() {
    JavaFileObject source = Sources.acme("Outer",
        "public class Outer {",
        "  public class Inner {",
        "    @VelaCache",
        "    public interface Nested extends Cache<String, String> {}",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaOuter_Inner_Nested");
  }

  @Test
  void acceptsAnInterfaceInTheUnnamedPackage() {
    JavaFileObject source = JavaFileObjects.forSourceLines("PlainCache",
        "@dev.vela.annotation.VelaCache",
        "public interface PlainCache extends dev.vela.Cache<String, String> {}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("VelaPlainCache");
  }

  @Test
  void reportsTwoInterfacesWhoseGeneratedClassesWouldShareOneName() {
    JavaFileObject nested = Sources.acme("Outer",
        "public class Outer {",
        "  @VelaCache(name = \"nested\")",
        "  public interface Inner extends Cache<String, String> {}",
        "}");
    JavaFileObject topLevel = Sources.acme("Outer_Inner",
        "@VelaCache(name = \"topLevel\")",
        "public interface Outer_Inner extends Cache<String, String> {}");

    assertThat(compile(nested, topLevel)).hadErrorContaining(
            "could not write com.acme.VelaOuter_Inner: ")
        .inFile(topLevel).onLineContaining("interface Outer_Inner");
  }

  @Test
  void rejectsAnAbstractMethodThatIsNotACacheMethod() {
    JavaFileObject source = Sources.acme("UserCache",
        "@VelaCache",
        "public interface UserCache extends Cache<String, String> {",
        "  String refresh(String key);",
        "}");

    assertThat(compile(source)).hadErrorContaining(
            "UserCache.refresh(java.lang.String) is abstract and not a method of dev.vela.Cache, so the generated"
                + " class cannot implement it; make it a default method, or remove it")
        .inFile(source).onLineContaining("String refresh(String key);");
  }

  @Test
  void rejectsAnAbstractMethodInheritedFromAnotherInterfaceOnTheCacheInterface() {
    JavaFileObject extra = Sources.acme("Refreshing", "public interface Refreshing {", "  void refreshAll();", "}");
    JavaFileObject source = Sources.acme("UserCache",
        "@VelaCache",
        "public interface UserCache extends Cache<String, String>, Refreshing {}");

    assertThat(compile(extra, source)).hadErrorContaining("Refreshing.refreshAll() is abstract and not a method of dev.vela.Cache")
        .inFile(source).onLineContaining("interface UserCache");
  }

  @Test
  void rejectsARedeclaredCacheMethodWithANarrowerReturnType() {
    JavaFileObject source = Sources.acme("UserCache",
        "@VelaCache",
        "public interface UserCache extends Cache<String, String> {",
        "  @Override",
        "  UserCache local();",
        "}");

    assertThat(compile(source)).hadErrorContaining(
            "UserCache.local() redeclares a method of dev.vela.Cache with the return type com.acme.UserCache,"
                + " but the generated class returns dev.vela.Cache<java.lang.String,java.lang.String>")
        .inFile(source).onLineContaining("UserCache local();");
  }

  @Test
  void acceptsRedeclaredCacheMethodsAndObjectMethodsAndDefaultAndStaticMethods() {
    JavaFileObject source = Sources.acme("UserCache",
        "import java.util.Collection;",
        "import java.util.Optional;",
        "import java.util.function.Function;",
        "",
        "@VelaCache",
        "public interface UserCache extends Cache<String, String> {",
        "  static UserCache create() {",
        "    return VelaUserCache.create();",
        "  }",
        "",
        "  @Override",
        "  Optional<String> get(String key);",
        "",
        "  @Override",
        "  <R> R transaction(Collection<? extends String> keys, Function<? super Cache<String, String>, ? extends R> work);",
        "",
        "  @Override",
        "  String toString();",
        "",
        "  default String getOrEmpty(String key) {",
        "    return get(key).orElse(\"\");",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache");
  }

  @Test
  void acceptsRedeclaredAsynchronousMethodsAndDefaultsBuiltOnThem() {
    JavaFileObject source = Sources.acme("UserCache",
        "import java.util.Optional;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.function.BiFunction;",
        "",
        "@VelaCache",
        "public interface UserCache extends Cache<String, String> {",
        "  @Override",
        "  CompletableFuture<Optional<String>> getAsync(String key);",
        "",
        "  @Override",
        "  CompletableFuture<String> mergeAsync(String key, String value,",
        "      BiFunction<? super String, ? super String, ? extends String> remapping);",
        "",
        "  default CompletableFuture<String> getOrEmptyAsync(String key) {",
        "    return getAsync(key).thenApply(value -> value.orElse(\"\"));",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache");
  }

  @Test
  void rejectsARedeclaredAsynchronousMethodWithAnotherResultType() {
    JavaFileObject source = Sources.acme("UserCache",
        "import java.util.concurrent.CompletableFuture;",
        "",
        "@VelaCache",
        "public interface UserCache extends Cache<String, String> {",
        "  CompletableFuture<String> getAsync(String key);",
        "}");

    // javac itself refuses it: the return type clashes with the inherited one
    assertThat(compile(source)).hadErrorContaining("getAsync(java.lang.String)")
        .inFile(source).onLineContaining("CompletableFuture<String> getAsync(String key);");
  }
}
