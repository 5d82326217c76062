using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace MenuDsl.Analyzers.Tests;

/// <summary>Every descriptor has a doc page, a matching help link, and a row in the release tracking files.</summary>
public class DocsTests
{
    private static string Root([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    public static TheoryData<string> Ids => [.. Descriptors.All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_has_a_page_a_help_link_and_a_release_entry(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        string page = Path.Combine(Root(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        string text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text);
        foreach (string section in new[] { "## What it means", "## Example", "## How to fix", "## Formula" })
            Assert.Contains(section, text);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);

        string releases = File.ReadAllText(Path.Combine(Root(), "analyzers", "MenuDsl.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(Root(), "analyzers", "MenuDsl.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity}", releases);
    }

    [Fact]
    public void Ids_are_unique_and_cover_MENU001_to_MENU022_but_the_retired_MENU012()
    {
        var ids = Descriptors.All.Select(d => d.Id).ToArray();
        Assert.Equal(Enumerable.Range(1, 22).Where(i => i != 12).Select(i => $"MENU{i:000}"), ids);
    }

    // A retired id keeps its page, so old links and suppressions still explain themselves; it is tracked nowhere.
    [Fact]
    public void Retired_MENU012_keeps_a_page_and_no_release_entry()
    {
        string text = File.ReadAllText(Path.Combine(Root(), "docs", "diagnostics", "MENU012.md"));
        Assert.StartsWith("# MENU012", text);
        Assert.Contains("Retired", text);
        string releases = File.ReadAllText(Path.Combine(Root(), "analyzers", "MenuDsl.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(Root(), "analyzers", "MenuDsl.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.DoesNotContain("MENU012", releases);
    }

    [Fact]
    public void Every_page_is_a_live_or_retired_id()
    {
        var pages = Directory.GetFiles(Path.Combine(Root(), "docs", "diagnostics"), "MENU*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(Descriptors.All.Select(d => d.Id).Append("MENU012").Order(), pages.Order());
    }
}
