## Ferrum Settings: the window, its sidebar and search

app-title = Configurações
search-placeholder = Pesquisar configurações
search-label = Pesquisar configurações
search-no-results = Nenhuma configuração corresponde a “{ $query }”.
theme-toggle-dark = Estilo escuro
theme-toggle-light = Estilo claro
unknown-panel = Não existe nenhuma página de configurações chamada “{ $panel }”. Mostrando “{ $fallback }” no lugar.
unknown-panel-detail = Páginas conhecidas: { $known }

## The one error surface every page shares

error-details-show = Detalhes
error-details-hide = Ocultar detalhes
error-copy = Copiar detalhes
error-dismiss = Descartar
control-about = { $control }: { $subject }

## Service states shared by every page

service-loading = Carregando…
service-bus-unreachable = Não é possível acessar o barramento de mensagens do sistema, então as configurações não podem ser lidas nem alteradas. Tentando novamente…

## Power page

power-title = Energia
    .keywords = energia;bateria;perfil;desempenho;balanceado;equilibrado;economia de energia;economia;carga;saúde;modo;tomada;conectado;power;battery;performance;ac
power-mode-heading = Modo de energia
profile-performance = Desempenho
    .desc = Alto desempenho e consumo de energia.
profile-balanced = Balanceado
    .desc = Desempenho e consumo de energia padrão.
profile-power-saver = Economia de energia
    .desc = Desempenho e consumo de energia reduzidos.
profile-unknown = { $name }
    .desc = Um modo de energia oferecido por este computador.
profile-driver = Driver: { $driver }
profile-switching = Alternando…
degraded-lap-detected = O modo de desempenho está temporariamente reduzido porque o computador está no colo.
degraded-high-temperature = O modo de desempenho está temporariamente reduzido porque o computador está quente demais.
degraded-other = O modo de desempenho está temporariamente reduzido ({ $reason }).
holds-heading = Solicitado por aplicativos
hold-row = { $app } solicita “{ $profile }”: { $reason }
hold-row-no-reason = { $app } solicita “{ $profile }”
power-profiles-unavailable = Os modos de energia não estão disponíveis
    .body = O serviço de perfis de energia (power-profiles-daemon) não está em execução. Esta página será atualizada automaticamente quando ele iniciar.
power-profiles-failed = Não foi possível ler os modos de energia.
power-profile-not-authorized = Você não tem permissão para alterar o modo de energia.
power-profile-not-offered = Este computador não oferece o modo “{ $profile }”.
power-profile-service-gone = Não foi possível alterar o modo de energia porque o serviço de perfis de energia parou.
power-profile-failed = Não foi possível alterar o modo de energia.
power-profile-no-answer = O power-profiles-daemon não respondeu a tempo. A página mostra o último modo de energia informado e acompanhará qualquer mudança posterior.

## Battery section of the Power page

battery-heading = Bateria
battery-percent = { $percent }%
battery-name = { $vendor } { $model }
battery-name-unknown = Bateria
battery-state-charging = Carregando
battery-state-discharging = Usando bateria
battery-state-empty = Vazia
battery-state-fully-charged = Totalmente carregada
battery-state-pending-charge = Não está carregando
battery-state-pending-discharge = Aguardando para descarregar
battery-state-unknown = Estado desconhecido
battery-time-to-empty = { $time } restantes
battery-time-to-full = { $time } até carregar totalmente
duration-hours-minutes = { $hours } h { $minutes } min
duration-minutes = { $minutes } min
battery-health = Saúde
battery-health-value = { $percent }% da capacidade original ({ $full } Wh de { $design } Wh)
battery-cycles = { $cycles ->
    [one] { $cycles } ciclo de carga
   *[other] { $cycles } ciclos de carga
}
battery-rate = { $watts } W
power-source = Fonte de energia
power-source-ac = Conectado à tomada
power-source-battery = Usando bateria
no-batteries = Este computador não tem bateria.
upower-unavailable = As informações da bateria não estão disponíveis
    .body = O serviço de informações de energia (UPower) não está em execução. Esta página será atualizada automaticamente quando ele iniciar.
upower-failed = Não foi possível ler as informações da bateria.

## About page

about-title = Sobre
    .keywords = sobre;sistema;versão;kernel;nome do host;nome do dispositivo;memória;processador;sistema operacional;informações;about;hostname;cpu;os
about-os = Sistema operacional
about-kernel = Kernel
about-hostname = Nome do dispositivo
about-processor = Processador
about-memory = Memória
about-memory-value = { $gib } GiB
about-unknown = Desconhecido
about-read-failed = Não foi possível ler as informações do sistema.
about-network-name = Nome na rede
about-rename = Renomear…
about-rename-unavailable = Não é possível renomear o computador: o serviço de nome do host não está em execução.
about-rename-title = Renomear este computador
about-rename-hint = O nome do dispositivo é o que as pessoas veem, por exemplo pelo Bluetooth. O nome na rede identifica o computador nas redes; ele acompanha o nome do dispositivo até que você o altere.
about-rename-pretty = Nome do dispositivo
about-rename-static = Nome na rede
about-rename-save = Renomear
about-rename-cancel = Cancelar
about-renaming = Renomeando o computador…
about-rename-pretty-empty = Digite um nome de dispositivo.
about-rename-pretty-control = O nome do dispositivo não pode conter tabulações nem quebras de linha.
about-rename-pretty-long = O nome do dispositivo é longo demais. Use um nome mais curto.
about-rename-static-empty = Digite um nome na rede.
about-rename-static-characters = O nome na rede só pode usar as letras de a a z, dígitos e hifens.
about-rename-static-long = O nome na rede pode ter no máximo 64 caracteres.
about-rename-static-hyphen = O nome na rede não pode começar nem terminar com hífen.
about-rename-refused = O nome não foi alterado: um administrador não permitiu.
about-rename-gone = O nome não foi alterado: o serviço de nome do host não está em execução.
about-rename-no-answer = O serviço de nome do host não respondeu. O nome pode não ter sido alterado; a página mostra o que o serviço informar assim que responder.
about-rename-invalid = O serviço de nome do host não aceitou este nome.
about-rename-failed = Não foi possível alterar o nome.
about-rename-partial = O nome do dispositivo foi alterado, mas o nome na rede não. A página mostra os nomes que o computador tem agora.

## Accessibility page

a11y-title = Acessibilidade
    .keywords = acessibilidade;leitor de tela;fala;voz;contraste;tamanho do texto;texto grande;ampliação;zoom;movimento;animação;teclado;accessibility;a11y;screen reader;orca
a11y-seeing-heading = Visão
a11y-hearing-heading = Audição e fala
a11y-high-contrast = Alto contraste
    .desc = Cores e contornos mais fortes, mais fáceis de distinguir.
a11y-text-scale = Tamanho do texto
    .desc = Deixa o texto e os controles maiores.
a11y-text-scale-value = { $percent }%
a11y-reduced-motion = Reduzir movimento
    .desc = Desativa animações e efeitos de movimento.
a11y-self-voicing = Falar o item em foco
    .desc = Lê em voz alta cada controle quando ele recebe o foco do teclado, sem precisar de um leitor de tela separado.
a11y-speech-unavailable = A fala não está disponível: o serviço de fala (speech-dispatcher) não está em execução.
a11y-preferences-not-saved = Não foi possível salvar suas configurações de acessibilidade; elas valem até você fechar as Configurações.
a11y-preferences-invalid = Não foi possível ler suas configurações de acessibilidade salvas, então os valores padrão estão em uso.

## Words self-voicing and screen readers use

role-button = botão
role-switch = alternador
role-check-box = caixa de seleção
role-radio-button = botão de opção
role-radio-group = grupo de opções
role-slider = controle deslizante
role-list-item = item de lista
role-list = lista
role-text-input = campo de texto
role-password-input = campo de senha
role-heading = título
role-label = texto
role-group = grupo
role-progress = barra de progresso
role-alert = alerta
state-on = ligado
state-off = desligado
state-selected = selecionado
state-unavailable = indisponível
secret-characters = { $count ->
    [one] { $count } caractere
   *[other] { $count } caracteres
}

# Started without a display (printed, one sentence).
no-display = Nenhuma janela pode ser mostrada: não há tela Wayland (WAYLAND_DISPLAY não está definido); inicie-o a partir de uma sessão Wayland.
no-display-socket = Nenhuma janela pode ser mostrada: a tela Wayland { $path } não existe.

# Said when reading aloud is turned on or off.
voicing-on = Leitura em voz alta ativada
voicing-off = Leitura em voz alta desativada
upower-no-answer = O UPower não respondeu a tempo, então o estado da bateria é desconhecido.

# A percentage (a level, a volume).
percent-value = { $percent }%

# A size in bytes, kilobytes (1000 bytes), megabytes and gigabytes.
size-bytes = { $size } bytes
size-kb = { $size } kB
size-mb = { $size } MB
size-gb = { $size } GB
