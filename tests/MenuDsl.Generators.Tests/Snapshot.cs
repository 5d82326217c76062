using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Approval testing of text against <c>Snapshots/&lt;TestClass&gt;.&lt;Test&gt;.verified.cs</c> next to the calling
/// test's source file. The test class name is the caller's file name (one test class per file). On a mismatch the
/// actual text is written to <c>.received.cs</c> beside it and the test fails with a line diff; with
/// <c>MENUDSL_ACCEPT_SNAPSHOTS=1</c> the verified file is overwritten instead. A missing verified file always fails.
/// </summary>
internal static class Snapshot
{
    /// <summary>The environment variable that accepts the received text as the new snapshot.</summary>
    public const string AcceptVariable = "MENUDSL_ACCEPT_SNAPSHOTS";

    private const int Context = 3;

    /// <summary>Compares <paramref name="text"/> with <c>Snapshots/&lt;file name&gt;.&lt;member&gt;.verified.cs</c>.</summary>
    public static void Verify(string text, [CallerFilePath] string file = "", [CallerMemberName] string name = "")
    {
        if (string.IsNullOrEmpty(file) || string.IsNullOrEmpty(name))
            throw new ArgumentException("Snapshot.Verify needs the caller's file path and member name.");
        string directory = Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
        VerifyAt(text, directory, Path.GetFileNameWithoutExtension(file) + "." + name, Environment.GetEnvironmentVariable(AcceptVariable) == "1");
    }

    /// <summary>Compares with <c>directory/stem.verified.cs</c>; <paramref name="accept"/> overwrites it instead.</summary>
    internal static void VerifyAt(string text, string directory, string stem, bool accept)
    {
        string verifiedPath = Path.Combine(directory, stem + ".verified.cs"), receivedPath = Path.Combine(directory, stem + ".received.cs");
        string actual = Normalize(text);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        if (accept)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, actual, utf8);
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        string how = $"To accept the received text, rename '{receivedPath}' to '{verifiedPath}', or rerun with {AcceptVariable}=1.";
        if (!File.Exists(verifiedPath))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(receivedPath, actual, utf8);
            Assert.Fail($"No verified snapshot '{verifiedPath}'. The received text was written to '{receivedPath}'.\n{how}");
        }

        string expected = Normalize(File.ReadAllText(verifiedPath, utf8));
        if (expected == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual, utf8);
        Assert.Fail($"The text differs from the snapshot '{verifiedPath}' (- verified, + received):\n{Diff(expected, actual)}{how}");
    }

    /// <summary>'\n' line ends, no byte-order mark.</summary>
    public static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>The changed lines with <see cref="Context"/> lines of context, "- " verified, "+ " received.</summary>
    public static string Diff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines;
        var shown = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type == ChangeType.Unchanged) continue;
            for (int j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++) shown[j] = true;
        }

        var result = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            if (!shown[i])
            {
                if (i == 0 || shown[i - 1]) result.Append("  ...\n");
                continue;
            }
            string prefix = lines[i].Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                ChangeType.Unchanged => "  ",
                _ => "~ ",
            };
            result.Append(prefix).Append(lines[i].Position is { } position && lines[i].Type != ChangeType.Deleted ? $"{position,4}: " : "      ")
                  .Append(lines[i].Text).Append('\n');
        }
        return result.ToString();
    }
}
