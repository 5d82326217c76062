using System;
using MenuDsl;

var model = PricingModel.CobbDouglas(0.30, 0.20, 0.10, baseQuality: 1.0)
    .WithCosts(1.0, 2.0, 5.0)
    .WithValues(Distribution.Uniform, 0.0, 1.0)
    .WithScales(Distribution.Uniform, 0.2, 1.0)
    .Build();
foreach (var (w, s) in new[] { (0.6, 1.0), (0.75, 0.5), (0.9, 1.0), (1.0, 1.0) })
{
    var c = model.Contract(w, s); var t = model.Tariff(w, s);
    Console.WriteLine($"{w} {s} q={c.Quality:G6} T={c.Transfer:G6} C={c.Cost:G6} p0={t.Fee:G6} m={t.Markup:G6}");
}
foreach (var th in new[] { 0.3, 0.5, 0.9 }) Console.WriteLine($"θ={th} φθ={((CobbDouglasModel)model).ThetaVirtualValue(th)} {model.Package(th)}");
