using System.Buffers.Binary;
using System.Collections;
using System.Reflection;
using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Reading;
using Archive.Tests.Support;

namespace Archive.Tests.Loading;

public class LoadCacheTests
{
    /// <summary>Every property set to something other than its default, so a lost one shows.</summary>
    private static LoadedFile Sample() => new(
        "canonical-markdown",
        [
            new Episode
            {
                Title = "A <Title> with ünïcode",
                Show = "Show",
                Date = new DateOnly(2024, 2, 29),
                Duration = new TimeSpan(0, 1, 2, 3, 456) + TimeSpan.FromTicks(7),
                Speakers = ["Ann", "Bo"],
                Topics = ["kites", "wind"],
                Summary = "**bold** summary",
                MediaUrl = "https://example.org/a.mp3",
                Chapters = [new Chapter("Intro", TimeSpan.FromSeconds(1.5), 0), new Chapter("Later", TimeSpan.FromMinutes(3), 1)],
                Paragraphs =
                [
                    new Paragraph("Ann", TimeSpan.FromSeconds(2), "Hello \"there\"."),
                    new Paragraph(null, null, "Nobody in particular."),
                    new Paragraph("Ann", TimeSpan.FromSeconds(2.5), "Again."),
                    new Paragraph("Bo", TimeSpan.FromMinutes(3), "Hi."),
                ],
                Source = new SourceRef("in/a.md", 3),
                Truncated = true,
                RequestedSlug = "a-slug",
            },
        ],
        [new Diagnostic(Severity.Warning, "in/a.md", 12, "a warning"), new Diagnostic(Severity.Error, "in/a.md", 1, "an error")]);

    [Fact]
    public void An_entry_reads_back_exactly_as_it_was_stored_with_every_property()
    {
        using var temp = new TempFolder("load-cache");
        var sample = Sample();
        AssertNoDefaultProperty(sample, "LoadedFile");

        var cache = new LoadCache(temp.Path, TranscriptReaders.All);
        var key = cache.KeyOf([1, 2, 3], "in/a.md", []);
        cache.Put(key, sample);
        var read = new LoadCache(temp.Path, TranscriptReaders.All).TryGet(key);

        Assert.NotNull(read);
        AssertDeepEqual(sample, read, "LoadedFile");
    }

    [Fact]
    public void Keys_change_with_the_bytes_the_path_and_the_sidecars()
    {
        using var temp = new TempFolder("load-cache");
        var sidecar = temp.Write("a.yml", "title: One\n");
        var cache = new LoadCache(temp.Combine("cache"), TranscriptReaders.All);
        var key = cache.KeyOf([1, 2, 3], "in/a.md", [sidecar]);
        Assert.Equal(key, cache.KeyOf([1, 2, 3], "in/a.md", [sidecar]));
        Assert.NotEqual(key, cache.KeyOf([1, 2, 4], "in/a.md", [sidecar]));
        Assert.NotEqual(key, cache.KeyOf([1, 2, 3], "in/b.md", [sidecar]));
        Assert.NotEqual(key, cache.KeyOf([1, 2, 3], "in/a.md", []));
        File.WriteAllText(sidecar, "title: Two\n");
        Assert.NotEqual(key, cache.KeyOf([1, 2, 3], "in/a.md", [sidecar]));
    }

    [Fact]
    public void A_damaged_entry_is_a_miss_and_unused_entries_are_pruned()
    {
        using var temp = new TempFolder("load-cache");
        var cache = new LoadCache(temp.Path, TranscriptReaders.All);
        var damaged = cache.KeyOf([1], "a.md", []);
        var unused = cache.KeyOf([2], "b.md", []);
        cache.Put(damaged, Sample());
        cache.Put(unused, Sample());
        var entry = EntryFile(temp.Path, damaged);
        File.WriteAllText(entry, "{ not json");

        var next = new LoadCache(temp.Path, TranscriptReaders.All);
        Assert.Null(next.TryGet(damaged));
        next.Prune();
        Assert.Empty(Directory.EnumerateFiles(temp.Path, unused + ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_truncated_entry_is_a_miss_at_every_length()
    {
        using var temp = new TempFolder("load-cache");
        var cache = new LoadCache(temp.Path, TranscriptReaders.All);
        var key = cache.KeyOf([1], "a.md", []);
        cache.Put(key, Sample());
        var entry = EntryFile(temp.Path, key);
        var bytes = File.ReadAllBytes(entry);
        Assert.NotNull(LoadedFileCodec.Decode(key, bytes));

        for (int length = 0; length < bytes.Length; length++)
            Assert.Null(LoadedFileCodec.Decode(key, bytes.AsSpan(0, length)));
        // Through the file too, as a build that was killed mid-copy would leave it.
        File.WriteAllBytes(entry, bytes[..(bytes.Length / 2)]);
        Assert.Null(new LoadCache(temp.Path, TranscriptReaders.All).TryGet(key));
        File.WriteAllBytes(entry, [.. bytes, 0]);
        Assert.Null(new LoadCache(temp.Path, TranscriptReaders.All).TryGet(key));
    }

    [Fact]
    public void Any_flipped_bit_makes_the_entry_a_miss()
    {
        var key = new string('a', 64);
        var bytes = LoadedFileCodec.Encode(key, Sample())!;
        for (int at = 0; at < bytes.Length; at++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                var damaged = (byte[])bytes.Clone();
                damaged[at] ^= (byte)(1 << bit);
                Assert.True(LoadedFileCodec.Decode(key, damaged) is null, $"byte {at} bit {bit} flipped was read as an entry");
            }
        }
    }

    [Fact]
    public void Damage_that_keeps_a_valid_checksum_is_a_miss_or_an_entry_never_an_exception()
    {
        // The decoder's own checks, behind the checksum: random damage, resealed so the checksum passes.
        var key = new string('b', 64);
        var bytes = LoadedFileCodec.Encode(key, Sample())!;
        var random = new Random(12345);
        int misses = 0;
        for (int round = 0; round < 5000; round++)
        {
            var damaged = (byte[])bytes.Clone();
            for (int k = random.Next(1, 4); k > 0; k--) damaged[random.Next(16, damaged.Length)] = (byte)random.Next(256);
            if (random.Next(4) == 0) damaged = damaged[..random.Next(16, damaged.Length)];
            BinaryPrimitives.WriteInt32LittleEndian(damaged.AsSpan(8), damaged.Length - 16);
            BinaryPrimitives.WriteUInt32LittleEndian(damaged.AsSpan(12), BinaryEntry.Crc32C(damaged.AsSpan(16)));
            if (LoadedFileCodec.Decode(key, damaged) is null) misses++;
        }
        Assert.True(misses > 0);
    }

    [Fact]
    public void An_entry_is_read_only_under_its_own_key()
    {
        using var temp = new TempFolder("load-cache");
        var cache = new LoadCache(temp.Path, TranscriptReaders.All);
        var a = cache.KeyOf([1], "a.md", []);
        var b = cache.KeyOf([2], "b.md", []);
        cache.Put(a, Sample());
        var bPath = EntryFile(temp.Path, a).Replace(a, b, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(bPath)!);
        File.Copy(EntryFile(temp.Path, a), bPath);
        Assert.Null(new LoadCache(temp.Path, TranscriptReaders.All).TryGet(b));
    }

    [Fact]
    public void Entries_of_the_earlier_json_format_are_misses_and_are_pruned()
    {
        using var temp = new TempFolder("load-cache");
        var cache = new LoadCache(temp.Path, TranscriptReaders.All);
        var key = cache.KeyOf([1], "a.md", []);
        // What the JSON cache wrote for an entry: load/<version>/<first two>/<key>.json, in this version's folder and in an older one's.
        var json = """{"Format":"canonical-markdown","Episodes":[],"Diagnostics":[]}""";
        var current = temp.Write(Path.Combine("load", cache.CodeVersion, key[..2], key + ".json"), json);
        var older = temp.Write(Path.Combine("load", "0123456789abcdef", key[..2], key + ".json"), json);
        Assert.Null(cache.TryGet(key));
        // Nor is JSON read where a binary entry belongs.
        cache.Put(key, Sample());
        File.WriteAllText(EntryFile(temp.Path, key, ".bin"), json);
        Assert.Null(new LoadCache(temp.Path, TranscriptReaders.All).TryGet(key));

        cache.Prune();
        Assert.False(File.Exists(current));
        Assert.False(File.Exists(older));
    }

    [Fact]
    public void Text_that_utf8_cannot_carry_exactly_is_not_cached()
    {
        using var temp = new TempFolder("load-cache");
        var cache = new LoadCache(temp.Path, TranscriptReaders.All);
        var key = cache.KeyOf([1], "a.md", []);
        var sample = Sample();
        var lone = sample with { Episodes = [sample.Episodes[0] with { Title = "half a pair \uD800 here" }] };
        cache.Put(key, lone);
        Assert.Null(cache.TryGet(key));
    }

    [Fact]
    public void The_checksum_is_crc32c()
    {
        Assert.Equal(0xE3069283u, BinaryEntry.Crc32C("123456789"u8));
        Assert.Equal(0u, BinaryEntry.Crc32C([]));
    }

    [Fact]
    public void A_transcript_file_is_keyed_by_its_bytes_only_while_it_holds_them()
    {
        using var temp = new TempFolder("load-cache");
        var path = temp.Write("a.md", "# A\n\nSome words.\n");
        var cache = new LoadCache(temp.Combine("cache"), TranscriptReaders.All);
        var file = new TranscriptFile(path, "a.md");
        Assert.Null(file.CacheKey(cache, []));

        file.ReadBytes();
        Assert.Equal(cache.KeyOf(File.ReadAllBytes(path), "a.md", []), file.CacheKey(cache, []));
        // Decoded, the pooled buffer is given back: no key of what it holds now, not the key of no bytes.
        file.Decode();
        Assert.NotNull(file.Source);
        Assert.Null(file.CacheKey(cache, []));
    }

    private static string EntryFile(string cacheFolder, string key, string extension = ".*") =>
        Directory.EnumerateFiles(cacheFolder, key + extension, SearchOption.AllDirectories).Single();

    [Fact]
    public void Sidecars_are_found_beside_their_transcript()
    {
        using var temp = new TempFolder("scan");
        temp.Write("in/ep1.vtt", "WEBVTT\n");
        temp.Write("in/ep1.yml", "title: x\n");
        temp.Write("in/ep1.chapters.json", "{}");
        temp.Write("in/ep10.vtt", "WEBVTT\n");
        temp.Write("in/other/ep1.yml", "title: y\n");
        var files = InputScanner.Scan(temp.Combine("in"));
        var ep1 = files.Single(f => f.RelativePath == "ep1.vtt");
        Assert.Equal(["ep1.chapters.json", "ep1.yml"], ep1.Sidecars.Select(Path.GetFileName));
        Assert.Empty(files.Single(f => f.RelativePath == "ep10.vtt").Sidecars);
    }

    private static void AssertNoDefaultProperty(object value, string path)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            var v = property.GetValue(value);
            var where = $"{path}.{property.Name}";
            Assert.False(v is null || v.Equals(DefaultOf(property.PropertyType)) || v is ICollection { Count: 0 },
                $"{where} is not set in the sample: give it a value so the cache test covers it");
            if (v is IEnumerable list and not string)
                CheckNested(list.Cast<object>().Last(), where); // the last item of each list has every property set
            else CheckNested(v!, where);
        }
    }

    private static void CheckNested(object item, string path)
    {
        if (item.GetType().Namespace?.StartsWith("Archive.", StringComparison.Ordinal) == true && !item.GetType().IsEnum)
            AssertNoDefaultProperty(item, path);
    }

    private static object? DefaultOf(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;

    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null) { Assert.True(expected is null && actual is null, $"{path}: {expected} ≠ {actual}"); return; }
        if (expected is string || expected.GetType().IsValueType) { Assert.True(expected.Equals(actual), $"{path}: {expected} ≠ {actual}"); return; }
        if (expected is IEnumerable e)
        {
            var a = ((IEnumerable)actual).Cast<object?>().ToList();
            var x = e.Cast<object?>().ToList();
            Assert.True(x.Count == a.Count, $"{path}: {x.Count} items ≠ {a.Count}");
            for (int i = 0; i < x.Count; i++) AssertDeepEqual(x[i], a[i], $"{path}[{i}]");
            return;
        }
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            AssertDeepEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }
}
