using System;

namespace MenuDsl.Cli;

/// <summary>The <c>menudsl</c> executable.</summary>
public static class Program
{
    /// <summary>Runs the tool on the console (see <see cref="CliApp.Run"/>).</summary>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return CliApp.Run(args, Console.Out, Console.Error);
    }
}
