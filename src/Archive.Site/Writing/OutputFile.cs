using System.Text;

namespace Archive.Site.Writing;

/// <summary>One file of the built site: its path relative to the output folder, and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Content)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static OutputFile Text(string path, string content) => new(path, Utf8.GetBytes(content));
}
