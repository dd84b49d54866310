## The Date & Time page: the clock, automatic time, the time zone, the 24-hour clock.

date-time-title = Data e hora
    .keywords = data;hora;horário;relógio;fuso horário;fuso;NTP;hora automática;hora da rede;24 horas;12 horas;UTC;calendário;date;time;clock;time zone;timezone

date-time-not-running = O serviço de hora não está em execução
    .body = As configurações de data e hora vêm do systemd-timedated. Esta página as mostra sozinha assim que ele estiver em execução.
date-time-unreadable = Não é possível ler as configurações do serviço de hora

# The live clock as a screen reader hears it.
date-time-clock-name = { $time }, { $date }
# The machine's zone with its offset: "Berlin (Europe), UTC+01:00".
date-time-zone-line = { $zone }, { $offset }
date-time-utc = UTC
# $offset is written with its sign: "+01:00", "−03:30".
date-time-offset = UTC{ $offset }

date-time-time-heading = Hora
date-time-automatic = Data e hora automáticas
    .desc = Ajustadas pelos servidores de hora da rede.
date-time-automatic-synchronized = Ajustadas pelos servidores de hora da rede; o relógio está sincronizado.
date-time-automatic-unavailable = A hora automática não está disponível: nenhum serviço de sincronização de hora está instalado neste computador.
date-time-turning-automatic-on = Ativando a hora automática…
date-time-turning-automatic-off = Desativando a hora automática…

date-time-manual-open = Ajustar data e hora…
date-time-manual-title = Ajustar a data e a hora
date-time-manual-hint = A hora é a do fuso horário deste computador, no formato de 24 horas.
date-time-manual-date = Data (ano-mês-dia)
date-time-manual-time = Hora (horas:minutos)
date-time-manual-set = Ajustar
date-time-setting-time = Ajustando o relógio…
date-time-manual-date-form = Escreva a data como ano-mês-dia, por exemplo 2026-12-07.
date-time-manual-no-such-day = Esse dia não existe. Confira o mês e o dia.
date-time-manual-year-range = Escolha um ano de 1970 a 2199.
date-time-manual-time-form = Escreva a hora como horas:minutos, por exemplo 14:05.
date-time-manual-no-such-time = Essa hora não existe. As horas vão de 0 a 23, e os minutos de 0 a 59.
date-time-cancel = Cancelar

date-time-zone-heading = Fuso horário
date-time-zone-change = Alterar fuso horário…
date-time-changing-zone = Alterando o fuso horário para { $zone }…
date-time-picker-title = Escolher um fuso horário
date-time-picker-search = Pesquisar por cidade, região ou país
date-time-picker-loading = Lendo os fusos horários…
date-time-picker-none = Nenhum fuso horário corresponde a “{ $query }”.
date-time-picker-more = Mais fusos horários correspondem: digite mais do nome para reduzir a lista.
# A zone's local time now, what a screen reader hears after the zone.
date-time-picker-local = Hora local: { $time }

date-time-clock-heading = Relógio
date-time-24-hour = Relógio de 24 horas
    .desc = 14:00 em vez de 2:00 PM. É a sua escolha; não altera o relógio do computador.

date-time-error-zone-refused = O fuso horário não foi alterado: um administrador não permitiu.
date-time-error-automatic-refused = A hora automática não foi alterada: um administrador não permitiu.
date-time-error-time-refused = O relógio não foi ajustado: um administrador não permitiu.
date-time-error-unknown-zone = Este computador não conhece o fuso horário { $zone }.
date-time-error-gone = O serviço de hora parou antes de a alteração ser feita. Nada foi alterado; tente de novo.
date-time-error-no-answer = O serviço de hora não respondeu. A alteração pode não ter sido feita; a página mostra o que o serviço disser assim que ele responder.
date-time-error-automatic-on = O relógio não pode ser ajustado à mão enquanto a hora automática estiver ativada.
date-time-error-skipped = { $time } não existe neste fuso horário (os relógios pulam esse horário). Escolha outra hora.
date-time-error-failed = A alteração não foi feita: o serviço de hora informou uma falha.
