using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace MenuDsl.Tests;

/// <summary>
/// Byte-for-byte comparison of exported text with <c>Golden/&lt;file&gt;</c> beside this source file (the pattern of the
/// generator tests' Snapshot). On a mismatch the actual text is written to <c>&lt;file&gt;.received</c> and the test
/// fails at the first differing line; with <c>MENUDSL_ACCEPT_GOLDEN=1</c> the golden file is overwritten instead.
/// A missing golden file always fails (unless accepting).
/// </summary>
internal static class Golden
{
    /// <summary>The environment variable that accepts the received text as the new golden file.</summary>
    public const string AcceptVariable = "MENUDSL_ACCEPT_GOLDEN";

    /// <summary>Compares <paramref name="text"/> with <c>Golden/<paramref name="file"/></c>.</summary>
    public static void Verify(string text, string file, [CallerFilePath] string caller = "")
    {
        // Golden/ sits at the test project's root; callers live in subfolders.
        string directory = Path.Combine(Root(caller), "Golden");
        string path = Path.Combine(directory, file), received = path + ".received";
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(path, utf8.GetBytes(text));
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        string how = $"To accept it, rename '{received}' to '{path}' or rerun with {AcceptVariable}=1, after reviewing it.";
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(received, utf8.GetBytes(text));
            Assert.Fail($"No golden file '{path}'; the output was written to '{received}'. {how}");
        }
        byte[] expected = File.ReadAllBytes(path), actual = utf8.GetBytes(text);
        if (expected.AsSpan().SequenceEqual(actual))
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllBytes(received, actual);
        Assert.Fail($"'{path}' differs from the output: {FirstDifference(utf8.GetString(expected), text)}\n{how}");
    }

    private static string Root(string caller)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MenuDsl.Tests.csproj"))) return dir.FullName;
        throw new InvalidOperationException($"No MenuDsl.Tests.csproj above '{caller}'.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string? x = i < e.Length ? e[i] : null, y = i < a.Length ? a[i] : null;
            if (x != y) return $"line {i + 1}\n- {x ?? "(end of file)"}\n+ {y ?? "(end of file)"}";
        }
        return "line ends or encoding differ";
    }
}
