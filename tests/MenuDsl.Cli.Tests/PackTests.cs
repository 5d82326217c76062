using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace MenuDsl.Cli.Tests;

/// <summary>Runs only when MENUDSL_PACK_TEST=1: <c>dotnet pack</c> takes minutes on a busy machine.</summary>
public sealed class PackFactAttribute : FactAttribute
{
    /// <summary>Skips unless the environment asks for it.</summary>
    public PackFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MENUDSL_PACK_TEST") != "1") Skip = "dotnet pack is slow: set MENUDSL_PACK_TEST=1 to run it";
    }
}

/// <summary>The tool is packable as a .NET tool named menudsl.</summary>
public sealed class PackTests : CliHarness
{
    private static readonly string Project = Path.Combine(Models, "..", "..", "src", "MenuDsl.Cli", "MenuDsl.Cli.csproj");

    [Fact]
    public void Project_is_a_dotnet_tool_named_menudsl()
    {
        var properties = XDocument.Load(Project).Descendants("PropertyGroup").Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        Assert.Equal("true", properties["PackAsTool"]);
        Assert.Equal("menudsl", properties["ToolCommandName"]);
        Assert.Equal("net10.0", properties["TargetFramework"]);
    }

    [PackFact]
    public void Pack_produces_a_tool_package()
    {
        var start = new ProcessStartInfo("dotnet", ["pack", Project, "-c", "Release", "-o", Temp]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, log);
        string package = Directory.GetFiles(Temp, "MenuDsl.Cli.*.nupkg").Single();
        using var zip = ZipFile.OpenRead(package);
        var settings = zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        using var reader = new StreamReader(settings.Open());
        var command = XDocument.Parse(reader.ReadToEnd()).Descendants("Command").Single();
        Assert.Equal("menudsl", command.Attribute("Name")!.Value);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/MenuDsl.dll", StringComparison.Ordinal));
    }
}
